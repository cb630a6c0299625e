package dev.commitstats.repos.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.URL;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import org.eclipse.jgit.transport.http.HttpConnection;
import org.jspecify.annotations.Nullable;

/**
 * JGit's view of one {@link HttpURLConnection} opened by the outbound policy: every call is passed on, as JGit's own
 * {@code JDKHttpConnection} does, except the two that would replace the TLS layer (and with it the connected-address
 * check and certificate verification), which are refused. One request, one thread, like the connection it wraps.
 */
final class GuardedHttpConnection implements HttpConnection {

    private final HttpURLConnection connection;

    GuardedHttpConnection(HttpURLConnection connection) {
        this.connection = connection;
    }

    @Override
    public int getResponseCode() throws IOException {
        return connection.getResponseCode();
    }

    @Override
    public URL getURL() {
        return connection.getURL();
    }

    @Override
    public @Nullable String getResponseMessage() throws IOException {
        return connection.getResponseMessage();
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        return connection.getHeaderFields();
    }

    @Override
    public List<String> getHeaderFields(String name) {
        // JGit expects a list, empty when the header is absent, whatever the case of the name
        List<String> values = new ArrayList<>();
        connection.getHeaderFields().forEach((key, v) -> {
            if (key != null && v != null && key.equalsIgnoreCase(name)) {
                values.addAll(v);
            }
        });
        return values;
    }

    @Override
    public @Nullable String getHeaderField(String name) {
        return connection.getHeaderField(name);
    }

    @Override
    public void setRequestProperty(String key, String value) {
        connection.setRequestProperty(key, value);
    }

    @Override
    public void setRequestMethod(String method) throws ProtocolException {
        connection.setRequestMethod(method);
    }

    @Override
    public String getRequestMethod() {
        return connection.getRequestMethod();
    }

    @Override
    public void setUseCaches(boolean useCaches) {
        connection.setUseCaches(useCaches);
    }

    @Override
    public void setConnectTimeout(int timeout) {
        connection.setConnectTimeout(timeout);
    }

    @Override
    public void setReadTimeout(int timeout) {
        connection.setReadTimeout(timeout);
    }

    @Override
    public @Nullable String getContentType() {
        return connection.getContentType();
    }

    @Override
    public int getContentLength() {
        return connection.getContentLength();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return connection.getInputStream();
    }

    @Override
    public void setInstanceFollowRedirects(boolean followRedirects) {
        // stays off whatever is asked: JGit follows redirects itself through a new connection, which the policy checks;
        // the JDK would follow one without the policy seeing the new URL
    }

    @Override
    public void setDoOutput(boolean doOutput) {
        connection.setDoOutput(doOutput);
    }

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
        connection.setFixedLengthStreamingMode(contentLength);
    }

    @Override
    public void setChunkedStreamingMode(int chunkLength) {
        connection.setChunkedStreamingMode(chunkLength);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return connection.getOutputStream();
    }

    @Override
    public boolean usingProxy() {
        return connection.usingProxy();
    }

    @Override
    public void connect() throws IOException {
        connection.connect();
    }

    @Override
    public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
        throw new KeyManagementException("the TLS settings of a guarded connection cannot be replaced");
    }

    @Override
    public void setHostnameVerifier(HostnameVerifier verifier) throws KeyManagementException {
        throw new KeyManagementException("the host name verification of a guarded connection cannot be replaced");
    }
}
