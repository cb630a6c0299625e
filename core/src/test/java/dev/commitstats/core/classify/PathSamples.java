package dev.commitstats.core.classify;

import java.util.List;

/** Real-world-looking paths shared by tests. */
final class PathSamples {

    private PathSamples() {
    }

    static final List<String> SEGMENTS = List.of(
            "src", "main", "java", "lib", "vendor", "vendors", "Vendor", "node_modules", "third_party", "3rdparty",
            "ThirdParty", "docs", "doc", "Documentation", "examples", "samples", "test", "tests", "fixtures", "spec",
            "testdata", "dist", "cache", "deps", "debian", "env", ".github", ".vscode", ".idea", "Pods", "Carthage",
            "Build", "gradle", "wrapper", "extjs", "packages", "Foo.1.0", "__generated__", "htmlcov", "Godeps",
            "_workspace", "bower_components", "MathJax", "CodeMirror", "font-awesome", "inst", "extdata", "a b");

    static final List<String> NAMES = List.of(
            "App.java", "main.go", "index.js", "jquery.js", "jquery-3.6.0.js", "jquery.min.js", "foo.min.css",
            "app-min.js", "bootstrap.min.css", "bootstrap-theme.css", "global.d.ts", "index.ts", "README.md",
            "README", "LICENSE", "CHANGELOG", "Makefile", "Dockerfile", "configure", "config.guess", "gradlew",
            "gradlew.bat", "mvnw", "mvnw.cmd", "package-lock.json", "yarn.lock", "go.sum", "Cargo.lock",
            "user.pb.go", "user_pb2.py", "Form.Designer.cs", "angular.js", "react-dom.js", "d3.v5.min.js",
            "fabfile.py", "waf", ".gitignore", ".gitattributes", "Jenkinsfile", "Vagrantfile", ".DS_Store",
            "run.n", "cpplint.py", "styleimport.css", "import.less", "normalize.css", "x.js.map", "Chart.js",
            "modernizr-2.6.2.js", "knockout-3.4.2.debug.js", "shCore.js", "proguard-rules.pro", "x.xctemplate",
            "dotnet-install.sh", "aclocal.m4", "erlang.mk", "MochiKit.js", "ckeditor.js", "x.sublime-project");

    static final List<String> PATHS = build();

    private static List<String> build() {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        for (String name : NAMES) {
            out.add(name);
            for (int k = 0; k < 6; k++) {
                String a = SEGMENTS.get((i * 7 + k * 13) % SEGMENTS.size());
                String b = SEGMENTS.get((i * 11 + k * 5 + 3) % SEGMENTS.size());
                out.add(a + "/" + name);
                out.add(a + "/" + b + "/" + name);
                i++;
            }
        }
        for (String s : SEGMENTS) {
            out.add(s + "/");
            out.add(s + "/x/y.c");
        }
        return List.copyOf(out);
    }
}
