package dev.commitstats.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileClassifierTest {

    private static final FileClassifier C = FileClassifier.standard();

    private static FileClass withContent(String path, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return C.classify(path, b, b.length);
    }

    @Test
    void standardIsASingleton() {
        assertThat(FileClassifier.standard()).isSameAs(C);
    }

    @Nested
    class LanguageByPath {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "src/main/java/dev/App.java | Java",
            "src/Main.JAVA | Java",
            "app/src/main/kotlin/Main.kt | Kotlin",
            "build.gradle.kts | Gradle Kotlin DSL",
            "scripts/tool.main.kts | Kotlin",
            "web/src/index.ts | TypeScript",
            "web/src/App.tsx | TSX",
            "web/src/app.js | JavaScript",
            "web/src/app.mjs | JavaScript",
            "tools/gen.py | Python",
            "cmd/server/main.go | Go",
            "src/lib.rs | Rust",
            "src/main.c | C",
            "include/foo.h | C",
            "include/foo.hpp | C++",
            "src/foo.cc | C++",
            "src/foo.cpp | C++",
            "Sources/View.swift | Swift",
            "lib/Foo.m | Objective-C",
            "lib/Foo.mm | Objective-C++",
            "script/build.pl | Perl",
            "src/Program.cs | C#",
            "app/models/user.rb | Ruby",
            "Gemfile | Ruby",
            "Rakefile | Ruby",
            "index.php | PHP",
            "bin/deploy.sh | Shell",
            "Dockerfile | Dockerfile",
            "docker/Dockerfile | Dockerfile",
            "Makefile | Makefile",
            "src/Makefile | Makefile",
            "CMakeLists.txt | CMake",
            "config/app.yml | YAML",
            "config/app.yaml | YAML",
            "package.json | JSON",
            "tsconfig.json | JSON with Comments",
            "db/schema.sql | SQL",
            "web/index.html | HTML",
            "web/site.css | CSS",
            "web/site.scss | SCSS",
            "pom.xml | Maven POM",
            "src/main/resources/app.xml | XML",
            "Cargo.toml | TOML",
            "lib/app.ex | Elixir",
            "src/Main.hs | Haskell",
            "src/main.dart | Dart",
            "src/App.vue | Vue",
            "infra/main.tf | HCL",
            "proto/user.proto | Protocol Buffer",
            "scripts/setup.ps1 | PowerShell",
            "lib/mod.f | Fortran",
            "requirements.txt | Pip Requirements",
            "go.mod | Go Module",
            "docker-compose.yml | YAML",
            "Procfile | Procfile",
            ".editorconfig | EditorConfig",
            ".bashrc | Shell",
            "Vagrantfile.rb | Ruby",
            "rtl/top.v | Verilog",
            "data/blob.xyz | Other",
            "bin/tool | Other",
            "weird. | Other",
            "'' | Other",
        })
        void languages(String path, String language) {
            assertThat(C.classify(path).language()).isEqualTo(language);
            assertThat(C.classify(path).exclusion()).isEqualTo(Exclusion.NONE);
        }

        @Test
        void nullPathIsOther() {
            assertThat(C.classify(null)).isEqualTo(new FileClass("Other", Exclusion.NONE));
            assertThat(C.classify(null, null, 0)).isEqualTo(new FileClass("Other", Exclusion.NONE));
            assertThat(C.needsContent(null)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a.h", "a.m", "a.pl", "a.ts", "a.md", "a.inc", "a.tsx"})
        void ambiguousExtensionsNeedContent(String path) {
            assertThat(C.needsContent(path)).isTrue();
        }
    }

    @Nested
    class Documentation {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "README.md", "README", "readme.txt", "docs/guide.html", "docs/index.md", "doc/api/Foo.java",
            "notes/design.md", "CHANGELOG.md", "CHANGES", "CONTRIBUTING.md", "LICENSE", "LICENSE.txt",
            "COPYING", "src/module/README.rst", "guide.adoc", "notes.txt", "Documentation/usage.txt",
            "examples/hello/main.go", "javadoc/index.html", "man/foo.1",
        })
        void documentationPathsAndProse(String path) {
            assertThat(C.classify(path)).isEqualTo(new FileClass("Documentation", Exclusion.NONE));
        }

        @Test
        void proseNeedsNoContentWhenNothingElseCanChange() {
            assertThat(C.needsContent("guide.adoc")).isFalse();
            assertThat(C.needsContent("LICENSE")).isFalse();
        }

        @Test
        void documentationCanBeVendored() {
            assertThat(C.classify("node_modules/left-pad/README.md"))
                    .isEqualTo(new FileClass("Documentation", Exclusion.VENDORED));
            assertThat(C.classify("vendor/github.com/pkg/errors/LICENSE"))
                    .isEqualTo(new FileClass("Documentation", Exclusion.VENDORED));
        }

        @Test
        void mdIsMarkdownUnlessItIsAMachineDescription() {
            assertThat(withContent("gcc/config/foo.md", "(define_insn \"addsi3\"\n  [(set (match_operand:SI 0))])\n").language())
                    .isEqualTo("GCC Machine Description");
            assertThat(withContent("notes.md", "# Title\n\nSome text.\n").language()).isEqualTo("Documentation");
        }
    }

    @Nested
    class Vendored {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "vendor/github.com/pkg/errors/errors.go", "app/vendor/lib.rb", "node_modules/react/index.js",
            "web/node_modules/lodash/lodash.js", "third_party/zlib/zlib.c", "src/3rdparty/foo.cpp",
            "ThirdParty/x.h", "static/jquery-3.6.0.js", "js/jquery.min.js", "foo.min.js", "assets/app-min.css",
            "lib/bootstrap.css", "bower_components/x/y.js", "Carthage/Checkouts/x.swift", "dist/bundle.js",
            "gradlew", "gradle/wrapper/gradle-wrapper.properties", "mvnw", ".mvn/wrapper/maven-wrapper.jar",
            "src/types/global.d.ts", "testdata/input.json", "test/fixtures/sample.rb", "debian/rules",
            ".github/workflows/ci.yml", ".vscode/settings.json", ".gitignore", "externals/boost/any.hpp",
        })
        void vendoredPaths(String path) {
            assertThat(C.classify(path).exclusion()).isEqualTo(Exclusion.VENDORED);
        }

        @Test
        void vendoredKeepsItsLanguage() {
            assertThat(C.classify("vendor/github.com/pkg/errors/errors.go"))
                    .isEqualTo(new FileClass("Go", Exclusion.VENDORED));
            assertThat(C.classify("foo.min.js")).isEqualTo(new FileClass("JavaScript", Exclusion.VENDORED));
        }

        @Test
        void vendoredWinsOverGenerated() {
            // node_modules/ is both vendored (vendor.yml) and generated (generated.rb)
            assertThat(C.classify("node_modules/x/package-lock.json").exclusion()).isEqualTo(Exclusion.VENDORED);
            byte[] head = "// Code generated by protoc-gen-go. DO NOT EDIT.\npackage x\n".getBytes(StandardCharsets.UTF_8);
            assertThat(C.classify("vendor/github.com/x/y.pb.go", head, head.length).exclusion())
                    .isEqualTo(Exclusion.VENDORED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"src/vendoring.go", "src/advent/day1.py", "lib/mydist.py", "src/minimal.js", "env.py"})
        void lookalikesAreNotVendored(String path) {
            assertThat(C.classify(path).exclusion()).isEqualTo(Exclusion.NONE);
        }
    }

    @Nested
    class GeneratedByPath {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "package-lock.json | JSON",
            "web/yarn.lock | YAML",
            "go.sum | Go Checksums",
            "Cargo.lock | TOML",
            "poetry.lock | TOML",
            "Gemfile.lock | Gemfile.lock",
            "composer.lock | JSON",
            "Pipfile.lock | JSON",
            "pnpm-lock.yaml | YAML",
            "npm-shrinkwrap.json | JSON",
            "flake.lock | JSON",
            "api/v1/user.pb.go | Go",
            "api/v1/user_grpc.pb.go | Go",
            "gen/user_pb2.py | Python",
            "gen/user_pb2_grpc.py | Python",
            "src/user.pb.cc | C++",
            "src/user.pb.h | C",
            "web/gen/user_pb.js | JavaScript",
            "ios/User.pbobjc.m | Objective-C",
            "lib/user.g.dart | Dart",
            "lib/user.freezed.dart | Dart",
            "WinForms/Form1.Designer.cs | C#",
            "Features/Login.feature.cs | C#",
            "web/src/__generated__/AppQuery.graphql.ts | TypeScript",
            "pkg/apis/v1/zz_generated.deepcopy.go | Go",
            "assets/app.js.map | Other",
            ".idea/workspace.xml | XML",
            "Pods/Alamofire/Source/AF.swift | Swift",
        })
        void generatedPaths(String path, String language) {
            FileClass fc = C.classify(path);
            assertThat(fc.exclusion()).isEqualTo(Exclusion.GENERATED);
            if (!language.equals("Gemfile.lock")) {
                assertThat(fc.language()).isEqualTo(language);
            }
        }

        @Test
        void settledByPathNeedsNoContent() {
            assertThat(C.needsContent("go.sum")).isFalse();
            assertThat(C.needsContent("api/v1/user.pb.go")).isFalse();
            assertThat(C.needsContent("foo.min.js")).isFalse();
            assertThat(C.needsContent("src/Main.java")).isTrue(); // a header could say "generated"
        }
    }

    @Nested
    class GeneratedByContent {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "api/user.go | // Code generated by protoc-gen-go. DO NOT EDIT.\\n// versions:\\npackage api\\n",
            "pkg/x_string.go | // Code generated by \"stringer -type=Kind\"; DO NOT EDIT.\\n\\npackage x\\n",
            "src/Foo.java | // Generated by the protocol buffer compiler.  DO NOT EDIT!\\n// source: foo.proto\\n",
            "gen/foo.py | # -*- coding: utf-8 -*-\\n# Generated by the protocol buffer compiler.  DO NOT EDIT!\\n",
            "src/Relay.js | /**\\n * @generated SignedSource<<abc>>\\n */\\n",
            "app/migrations/0001_initial.py | # Generated by Django 4.2 on 2023-05-01 12:00\\n\\nfrom django.db import migrations\\n",
            "swig/wrap.py | # This file was automatically generated by SWIG (https://www.swig.org).\\n",
            "Api/Client.cs | //------\\n// <auto-generated>\\n//     This code was generated by a tool.\\n",
            "src/parser.c | /* A Bison parser, made by GNU Bison 3.8. */\\n/* This file was generated, do not edit */\\n",
            "lib/api.ts | // Code generated by protoc-gen-ts_proto. DO NOT EDIT.\\n// versions:\\n//   protoc v5\\n// source: a.proto\\n\\n",
            "lib/model.dart | // GENERATED CODE - DO NOT MODIFY BY HAND\\n\\npart of 'model.dart';\\n",
            "include/Native.h | /* DO NOT EDIT THIS FILE - it is machine generated */\\n#include <jni.h>\\n/* Header */\\n",
            "config/settings.yml | # AUTOGENERATED - DO NOT EDIT\\nkey: value\\n",
            "src/Lexer.java | /* The following code was generated by JFlex 1.4.3 on 1/1/20 */\\n\\npackage x;\\n",
            "client/src/main/java/org/openapi/api/PetApi.java | /*\\n * Petstore\\n * A sample API\\n *\\n * The version of the OpenAPI document: 1.0.0\\n *\\n *\\n * NOTE: This class is auto generated by OpenAPI Generator (https://openapi-generator.tech).\\n * Do not edit the class manually.\\n */\\n",
            "src/graphql/types.ts | /* tslint:disable */\\n// @generated\\n// This file was automatically generated and should not be edited.\\n",
            "src/gql/graphql.ts | /* eslint-disable */\\n// THIS FILE IS AUTOGENERATED - DO NOT EDIT\\nexport type Maybe<T> = T;\\n",
        })
        void generatedHeaders(String path, String content) {
            assertThat(withContent(path, content.replace("\\n", "\n")).exclusion()).isEqualTo(Exclusion.GENERATED);
            assertThat(C.classify(path).exclusion()).isEqualTo(Exclusion.NONE);
            assertThat(C.needsContent(path)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "main.go | package main\\n\\nfunc main() {}\\n",
            "src/Ids.java | // ids are autogenerated by the database\\nclass Ids {}\\n",
            "src/gen.py | # This generator writes code into build/\\nimport os\\n",
            "src/gen.py | def generated_by(x):\\n    return x  # generated by hand\\n",
            "notes.md | This file was generated by a tool.\\n",
            "app.js | const a = 1;\\nconst b = 2;\\n",
        })
        void ordinaryContentIsNotGenerated(String path, String content) {
            assertThat(withContent(path, content.replace("\\n", "\n")).exclusion()).isEqualTo(Exclusion.NONE);
        }

        @Test
        void minifiedJavaScriptAndCss() {
            String line = "var a=1;".repeat(500);
            assertThat(withContent("static/bundle.js", line).exclusion()).isEqualTo(Exclusion.GENERATED);
            assertThat(withContent("static/site.css", ".a{b:c}".repeat(300)).exclusion()).isEqualTo(Exclusion.GENERATED);
            assertThat(withContent("static/app.js", "function f() {}\n//# sourceMappingURL=app.js.map\n").exclusion())
                    .isEqualTo(Exclusion.GENERATED);
            assertThat(withContent("static/app.js", "function f() {\n  return 1;\n}\n").exclusion())
                    .isEqualTo(Exclusion.NONE);
        }

        @Test
        void sourceMapByContent() {
            assertThat(withContent("out/bundle.map", "{\"version\":3,\"sources\":[]}").exclusion())
                    .isEqualTo(Exclusion.GENERATED);
        }

        @Test
        void generatedHtml() {
            assertThat(withContent("site/page.html",
                    "<html>\n<head>\n<meta name=\"generator\" content=\"groff -Thtml\" />\n</head>\n").exclusion())
                    .isEqualTo(Exclusion.GENERATED);
            assertThat(withContent("site/page.html", "<html>\n<head><title>x</title></head>\n").exclusion())
                    .isEqualTo(Exclusion.NONE);
        }

        @Test
        void proseIsNotCheckedForGenericHeaders() {
            assertThat(C.needsContent("notes/changelog.md")).isTrue(); // .md is ambiguous
            assertThat(withContent("notes/x.md", "<!-- Generated by tool -->\n# x\n").exclusion())
                    .isEqualTo(Exclusion.NONE);
        }
    }

    @Nested
    class LanguageByContent {

        @Test
        void cppHeader() {
            assertThat(withContent("include/util.h",
                    "#pragma once\n#include <vector>\n#include <string>\nnamespace util {\nclass Buffer {\n};\n}\n").language())
                    .isEqualTo("C++");
            assertThat(withContent("include/tmpl.h", "template <typename T>\nT max(T a, T b);\n").language())
                    .isEqualTo("C++");
        }

        @Test
        void objectiveCHeader() {
            assertThat(withContent("Classes/AppDelegate.h",
                    "#import <UIKit/UIKit.h>\n\n@interface AppDelegate : UIResponder <UIApplicationDelegate>\n@end\n")
                    .language()).isEqualTo("Objective-C");
        }

        @Test
        void plainCHeaderStaysC() {
            assertThat(withContent("src/list.h", "#ifndef LIST_H\n#define LIST_H\nstruct node { int v; };\n#endif\n")
                    .language()).isEqualTo("C");
        }

        @Test
        void matlabVersusObjectiveC() {
            assertThat(withContent("analysis/fit.m", "% Fit a line\nfunction y = fit(x)\n  y = 2 * x;\nend\n").language())
                    .isEqualTo("MATLAB");
            assertThat(withContent("Classes/Foo.m", "#import \"Foo.h\"\n@implementation Foo\n@end\n").language())
                    .isEqualTo("Objective-C");
        }

        @Test
        void prologVersusPerl() {
            assertThat(withContent("src/family.pl", "parent(tom, bob).\nancestor(X, Y) :- parent(X, Y).\n").language())
                    .isEqualTo("Prolog");
            assertThat(withContent("script/run.pl", "#!/usr/bin/perl\nuse strict;\nmy $x = 1;\n").language())
                    .isEqualTo("Perl");
            assertThat(withContent("script/run.pl", "use strict;\nuse warnings;\nmy $x = 1;\n").language())
                    .isEqualTo("Perl");
        }

        @Test
        void qtTranslationVersusTypeScript() {
            assertThat(withContent("i18n/app_de.ts",
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n<TS version=\"2.1\" language=\"de\">\n")
                    .language()).isEqualTo("XML");
            assertThat(withContent("src/app.ts", "export const x: number = 1;\n").language()).isEqualTo("TypeScript");
        }

        @Test
        void phpInclude() {
            assertThat(withContent("lib/config.inc", "<?php\n$db = 'x';\n").language()).isEqualTo("PHP");
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', value = {
            "bin/deploy | #!/usr/bin/env bash | Shell",
            "bin/deploy | #!/bin/sh | Shell",
            "scripts/run | #!/usr/bin/env python3 | Python",
            "scripts/run | #!/usr/bin/python2.7 | Python",
            "scripts/run | #!/usr/bin/env -S node --harmony | JavaScript",
            "scripts/run | #!/usr/bin/env ruby -w | Ruby",
            "scripts/run | #! /usr/bin/perl -w | Perl",
            "scripts/run | #!/usr/bin/env FOO=1 python3 | Python",
            "scripts/run | #!/usr/bin/env | Other",
            "scripts/run | #!/usr/bin/unknown-interp | Other",
            "scripts/run | no shebang here | Other",
        })
        void shebang(String path, String firstLine, String language) {
            assertThat(withContent(path, firstLine + "\necho hi\n").language()).isEqualTo(language);
        }

        @Test
        void shebangDoesNotOverrideAnUnambiguousExtension() {
            assertThat(withContent("src/app.py", "#!/usr/bin/env ruby\n").language()).isEqualTo("Python");
        }

        @Test
        void headLengthIsRespectedAndClamped() {
            byte[] b = "#!/usr/bin/env python3\n".getBytes(StandardCharsets.UTF_8);
            assertThat(C.classify("bin/x", b, 0).language()).isEqualTo("Other");
            assertThat(C.classify("bin/x", b, -5).language()).isEqualTo("Other");
            assertThat(C.classify("bin/x", b, 10_000).language()).isEqualTo("Python");
            assertThat(C.classify("bin/x", b, 5).language()).isEqualTo("Other"); // "#!/us"
        }

        @Test
        void nonUtf8ContentAndPathsDoNotThrow() {
            byte[] b = {(byte) 0xff, (byte) 0xfe, 0, 1, '#', '!', (byte) 0xc3};
            assertThat(C.classify("src/\uFFFD\uFFFD.h", b, b.length).language()).isEqualTo("C");
            assertThat(C.classify("src/\uFFFD.java").language()).isEqualTo("Java");
        }
    }

    @Test
    void pathOnlyEqualsNullContent() {
        for (String p : new String[] {"a.h", "Makefile", "docs/x.md", "yarn.lock", "vendor/x.go", "bin/tool"}) {
            assertThat(C.classify(p, null, 100)).isEqualTo(C.classify(p));
            assertThat(C.classify(p, new byte[0], 0)).isEqualTo(C.classify(p));
        }
    }

    @Test
    void exclusionJsonNames() {
        assertThat(Exclusion.NONE.jsonName()).isEqualTo("none");
        assertThat(Exclusion.VENDORED.jsonName()).isEqualTo("vendored");
        assertThat(Exclusion.GENERATED.jsonName()).isEqualTo("generated");
    }

    @Test
    void repeatedPathsAreServedConsistently() {
        FileClass first = C.classify("src/main/java/A.java");
        for (int i = 0; i < 1000; i++) {
            assertThat(C.classify("src/main/java/A.java")).isEqualTo(first);
        }
    }
}
