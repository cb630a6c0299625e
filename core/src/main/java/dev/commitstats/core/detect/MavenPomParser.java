package dev.commitstats.core.detect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * {@code pom.xml}: {@code groupId:artifactId} of every {@code <dependency>} element inside a {@code <dependencies>}
 * element, wherever it is: the project's dependencies, {@code <dependencyManagement>} (including BOM imports),
 * profiles, and plugin-level dependencies. Plugins themselves, parents and extensions are not counted.
 *
 * <p>{@code ${...}} placeholders are resolved from the pom's own {@code <properties>} and the {@code project.groupId},
 * {@code project.artifactId}, {@code project.version} and {@code project.parent.*} built-ins (the group and version
 * fall back to the parent's); a coordinate that still contains a placeholder (defined in a parent pom, say) is
 * skipped rather than guessed.
 *
 * <p>The XML is read by the JDK's parser with DOCTYPE declarations disallowed (so no XXE and no entity expansion),
 * external DTDs and schemas inaccessible, XInclude off and secure processing on. Errors are swallowed, never
 * printed.
 */
final class MavenPomParser implements ManifestParser {

    private static final int MAX_RESOLUTION_ROUNDS = 8;
    private static final int MAX_COORDINATE_LENGTH = 1024;
    private static final int MAX_ELEMENT_DEPTH = 1000;

    private static final DocumentBuilderFactory FACTORY = newFactory();
    /** A builder per thread: making one sets up a whole parser configuration, which costs more than a small parse. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = new ThreadLocal<>();

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setIgnoringComments(true);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        } catch (IllegalArgumentException e) {
            // not the JDK's built-in parser: the remaining limits still apply
        }
        return f;
    }

    @Override
    public @Nullable Set<String> dependencies(byte[] content) {
        Document doc;
        try {
            DocumentBuilder builder = BUILDER.get();
            if (builder == null) {
                synchronized (FACTORY) {
                    builder = FACTORY.newDocumentBuilder();
                }
                builder.setErrorHandler(SILENT);
                builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
                BUILDER.set(builder);
            } else {
                builder.reset(); // back to the factory's configuration; handler and resolver are set again below
                builder.setErrorHandler(SILENT);
                builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
            }
            doc = builder.parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
        Element project = doc.getDocumentElement();
        if (project == null || !"project".equals(localName(project))) {
            return null;
        }
        Map<String, String> properties = properties(project);
        Set<String> coordinates = new LinkedHashSet<>();
        NodeList dependencies = doc.getElementsByTagNameNS("*", "dependency");
        for (int i = 0, len = dependencies.getLength(); i < len; i++) {
            Element dependency = (Element) dependencies.item(i);
            Node parent = dependency.getParentNode();
            if (parent == null || !"dependencies".equals(localName(parent))) {
                continue;
            }
            String group = resolve(childText(dependency, "groupId"), properties);
            String artifact = resolve(childText(dependency, "artifactId"), properties);
            if (group != null && artifact != null && !group.isEmpty() && !artifact.isEmpty()) {
                coordinates.add(group + ":" + artifact);
            }
        }
        return coordinates;
    }

    private static Map<String, String> properties(Element project) {
        Map<String, String> properties = new HashMap<>();
        Element parent = child(project, "parent");
        String parentGroup = parent == null ? null : childText(parent, "groupId");
        String parentVersion = parent == null ? null : childText(parent, "version");
        String group = childText(project, "groupId");
        String version = childText(project, "version");
        put(properties, "project.groupId", group != null ? group : parentGroup);
        put(properties, "project.artifactId", childText(project, "artifactId"));
        put(properties, "project.version", version != null ? version : parentVersion);
        put(properties, "project.parent.groupId", parentGroup);
        put(properties, "project.parent.version", parentVersion);
        if (parent != null) {
            put(properties, "project.parent.artifactId", childText(parent, "artifactId"));
        }
        for (String key : new String[] {"groupId", "artifactId", "version"}) {
            put(properties, "pom." + key, properties.get("project." + key));
            put(properties, key, properties.get("project." + key));
        }
        Element props = child(project, "properties");
        if (props != null) {
            for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(localName(e), e.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static void put(Map<String, String> properties, String key, @Nullable String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    /** Substitutes {@code ${name}} placeholders; {@code null} if any remains unresolved. */
    private static @Nullable String resolve(@Nullable String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String current = value;
        for (int round = 0; round < MAX_RESOLUTION_ROUNDS && current.contains("${"); round++) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            boolean changed = false;
            while (i < current.length()) {
                int start = current.indexOf("${", i);
                int end = start < 0 ? -1 : current.indexOf('}', start + 2);
                if (start < 0 || end < 0) {
                    sb.append(current, i, current.length());
                    break;
                }
                String replacement = properties.get(current.substring(start + 2, end));
                sb.append(current, i, start);
                if (replacement == null) {
                    sb.append(current, start, end + 1);
                } else {
                    if (sb.length() + replacement.length() > MAX_COORDINATE_LENGTH) {
                        return null;
                    }
                    sb.append(replacement);
                    changed = true;
                }
                i = end + 1;
            }
            current = sb.toString();
            if (!changed) {
                break;
            }
        }
        return current.contains("${") ? null : current;
    }

    private static @Nullable Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    private static @Nullable String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static String localName(Node node) {
        String local = node.getLocalName();
        return local != null ? local : node.getNodeName();
    }
}
