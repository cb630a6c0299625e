#!/usr/bin/env python3
"""Writes a git fast-import stream of a large, realistic project history to stdout.

    python3 bench/generate-repo.py COMMITS SEED | git fast-import

Run through bench/generate-repo.sh, which also repacks and prints a summary; docs/benchmarks.md ("Generated
repository") says what the history contains. The stream depends only on COMMITS and SEED (Python's seeded
random.Random; no set or hash ordering is used), so the same arguments give the same commit ids on every machine.

The project is a monorepo that grows over five years: a Java server (Maven), Python tools, a Go agent with a vendor/
folder, a TypeScript web front end (package.json, package-lock.json, minified bundles), a C library, Markdown docs,
YAML and JSON configuration. Eight people and a bot commit in their own time zones; feature branches are merged back
with merge commits. Gen.run picks each commit's kind; Gen.event holds the one-off events (vendoring, line-ending
normalisation, encodings, symlinks, submodule...). Files are realistic line by line, not compilable.
"""
import hashlib
import math
import random
import sys
import time

R = random.Random()

# ------------------------------------------------------------------------------------------------------------ words
NOUNS = """account action adapter address agent alert alias amount anchor archive array asset attempt audit author
backend balance batch binding block body bound branch broker buffer bundle byte cache callback capacity card catalog
channel chart check chunk claim client clock cluster codec column command commit config connection consumer context
contract cookie counter cursor customer dashboard date deadline decoder delay delta device digest dispatch document
domain draft driver duration edge element email encoder endpoint engine entry error event exporter factory feature
field file filter flag format frame gateway graph group handler hash header health history host image index input
instance invoice item job journal key kind label layer lease ledger limit line link listener loader locale lock log
manifest mapper marker match member message metric migration mode model module monitor mount node notice offset
option order origin output owner package page parser partition password patch path payload peer permission pipeline
plan plugin policy pool port prefix price printer priority process profile project prompt property provider proxy
query queue quota range rate reader receipt record region registry release report request resolver resource
response result retry revision role route rule runner schedule schema scope score search secret section segment
selector sender session setting shard signal snapshot socket source span stage state status step storage store
stream subject summary supplier table tag target task template tenant ticket timer token topic trace tracker
transaction transfer trigger unit update upload usage user value version view volume warning watcher webhook widget
window worker workflow zone""".split()
VERBS = """add apply build check clear close collect compute convert copy count create decode delete describe emit
encode ensure evaluate expand fetch filter find flush format get handle init insert load lookup make map merge
normalize open parse prepare process publish push put read refresh register reload remove render reset resolve
restore resume retry run save scan schedule send set sort split start stop store sync track transform trim update
upsert validate verify visit wait watch write""".split()
ADJ = """active async base cached current default dirty empty expired external final first global hidden initial
internal last local max min new next old optional partial pending previous primary raw ready remote root safe shared
short stale static total unique valid""".split()
PREP = ["for", "in", "from", "to", "of", "on", "with", "before", "after", "during"]
DOMAIN = []   # made-up project words (product and module names), filled by init_words


def init_words():
    syl = ["ka", "lo", "mi", "ra", "ven", "tor", "qu", "zen", "bri", "dax", "el", "fi", "gor", "hal", "ix", "jun", "kor",
           "lum", "nex", "oro", "pli", "sar", "tum", "vel", "wex", "yar", "zo", "ber", "cal", "dro"]
    seen = set()
    while len(DOMAIN) < 240:
        w = "".join(R.choice(syl) for _ in range(R.randint(2, 3)))
        if w not in seen:
            seen.add(w)
            DOMAIN.append(w)
    NOUNS.extend(DOMAIN[:120])


def noun():
    return R.choice(NOUNS)


def cap(w):
    return w[:1].upper() + w[1:]


def third(v):
    if v.endswith(("s", "sh", "ch", "x")):
        return v + "es"
    if v.endswith("y") and v[-2:-1] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


def camel():
    k = R.choice((1, 2, 2, 2, 3))
    ws = [R.choice(ADJ) if i == 0 and R.random() < 0.3 else noun() for i in range(k)]
    return ws[0] + "".join(cap(w) for w in ws[1:])


def pascal():
    return cap(camel())


def snake():
    return "_".join(noun() for _ in range(R.choice((1, 2, 2, 3))))


def kebab():
    return "-".join(noun() for _ in range(R.choice((1, 2, 2, 3))))


def method():
    return R.choice(VERBS) + pascal()


def sentence():
    t = R.randrange(9)
    if t == 0:
        return f"{cap(third(R.choice(VERBS)))} the {R.choice(ADJ)} {noun()} {R.choice(PREP)} the given {noun()}."
    if t == 1:
        return f"The {noun()} is {R.choice(ADJ)} when the {noun()} has no {noun()}."
    if t == 2:
        return f"Returns the {noun()} of this {noun()}, or null if it was never {R.choice(VERBS)}ed."
    if t == 3:
        return f"TODO: {R.choice(VERBS)} the {noun()} before {method()} is called."
    if t == 4:
        return f"Callers must hold the {noun()} lock {R.choice(PREP)} the {noun()} {noun()}."
    if t == 5:
        return f"See {pascal()} for how the {noun()} is {R.choice(VERBS)}ed {R.choice(PREP)} {R.randint(2, 64)} {noun()}s."
    if t == 6:
        return f"A {R.choice(ADJ)} {noun()} keeps its {noun()} until the next {noun()}."
    if t == 7:
        return f"{cap(R.choice(VERBS))} and {R.choice(VERBS)} the {noun()} {noun()}s {R.choice(PREP)} one {noun()}."
    return f"Note: the {noun()} {noun()} may be {R.choice(ADJ)} here (see #{R.randint(10, 2400)})."


def words(lo, hi):
    return " ".join(noun() if R.random() < 0.7 else R.choice(VERBS) for _ in range(R.randint(lo, hi)))


def strlit():
    return R.choice((f"{noun()} {R.choice(VERBS)} failed", f"{R.choice(ADJ)} {noun()}", f"{noun()}.{noun()}",
                     f"invalid {noun()}: ", f"/{noun()}/{noun()}", f"{noun()}-{R.randint(1, 99)}"))


def num():
    return str(R.choice((0, 1, 2, 8, 16, 32, 64, 100, 1000, R.randint(3, 500), R.randint(1000, 90000))))


# ------------------------------------------------------------------------------------------------------ languages
APACHE = ["/*", " * Copyright 2019-2024 The Acme Authors.", " *",
          " * Licensed under the Apache License, Version 2.0 (the \"License\");",
          " * you may not use this file except in compliance with the License.",
          " * You may obtain a copy of the License at", " *", " *     http://www.apache.org/licenses/LICENSE-2.0",
          " *", " * Unless required by applicable law or agreed to in writing, software",
          " * distributed under the License is distributed on an \"AS IS\" BASIS,",
          " * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.",
          " * See the License for the specific language governing permissions and",
          " * limitations under the License.", " */"]
JTYPES = ["String", "int", "long", "boolean", "List<String>", "Map<String, Object>", "Optional<String>", "byte[]",
          "Duration", "Instant", "double"]


def jtype():
    return R.choice(JTYPES) if R.random() < 0.6 else pascal()


def java_expr():
    t = R.randrange(7)
    if t == 0:
        return f"{camel()}.{method()}({camel()})"
    if t == 1:
        return f"new {pascal()}({camel()}, {num()})"
    if t == 2:
        return f'"{strlit()}" + {camel()}'
    if t == 3:
        return f"{camel()} == null ? {num()} : {camel()}.size()"
    if t == 4:
        return f"{method()}({camel()}, {camel()})"
    if t == 5:
        return f"{camel()}.stream().map({pascal()}::{method()}).collect(Collectors.toList())"
    return num()


def java_stmt(ind, depth=0):
    r = R.random()
    if depth < 2 and r < 0.12:
        out = [f"{ind}if ({camel()} {R.choice(('==', '!=', '>', '<='))} {R.choice(('null', num(), camel()))}) {{"]
        for _ in range(R.randint(1, 3)):
            out += java_stmt(ind + "    ", depth + 1)
        if R.random() < 0.25:
            out.append(f"{ind}}} else {{")
            out += java_stmt(ind + "    ", depth + 1)
        out.append(f"{ind}}}")
        return out
    if depth < 2 and r < 0.17:
        v = camel()
        out = [f"{ind}for ({pascal()} {v} : {camel()}) {{"]
        for _ in range(R.randint(1, 3)):
            out += java_stmt(ind + "    ", depth + 1)
        return out + [f"{ind}}}"]
    if depth < 1 and r < 0.19:
        return ([f"{ind}try {{"] + java_stmt(ind + "    ", 2) + java_stmt(ind + "    ", 2)
                + [f"{ind}}} catch ({R.choice(('IOException', 'IllegalStateException', pascal() + 'Exception'))} e) {{",
                   f'{ind}    throw new {pascal()}Exception("{strlit()}", e);', f"{ind}}}"])
    if r < 0.45:
        return [f"{ind}{'final ' if R.random() < 0.2 else ''}{jtype()} {camel()} = {java_expr()};"]
    if r < 0.62:
        return [f"{ind}{camel()}.{method()}({camel()}{', ' + num() if R.random() < 0.4 else ''});"]
    if r < 0.69:
        return [f"{ind}// {sentence()}"]
    if r < 0.74:
        return [""]
    if r < 0.82:
        return [f'{ind}log.{R.choice(("debug", "info", "warn"))}("{strlit()} {{}}", {camel()});']
    if r < 0.91:
        return [f"{ind}{camel()} = {java_expr()};"]
    if r < 0.95:
        return [f"{ind}return {java_expr()};"]
    return [f'{ind}Objects.requireNonNull({camel()}, "{camel()}");']


def java_block():
    t = jtype() if R.random() < 0.75 else "void"
    params = ", ".join(f"{jtype()} {camel()}" for _ in range(R.randint(0, 3)))
    out = ["", "    /**", f"     * {sentence()}"]
    if R.random() < 0.4:
        out += ["     *", f"     * {sentence()}"]
    if params:
        out.append("     *")
        for p in params.split(", "):
            out.append(f"     * @param {p.split()[-1]} the {noun()}")
    if t != "void":
        out.append(f"     * @return the {R.choice(ADJ)} {noun()}")
    out.append("     */")
    if R.random() < 0.15:
        out.append("    @Override")
    out.append(f"    {R.choice(('public', 'public', 'private', 'protected', 'static'))} {t} {method()}({params}) {{")
    for _ in range(R.randint(2, 11)):
        out += java_stmt("        ")
    if t != "void":
        out.append(f"        return {java_expr()};")
    out.append("    }")
    return out


def java_header(path):
    parts = path.split("/")
    i = parts.index("java") if "java" in parts else 0
    pkg = ".".join(parts[i + 1:-1]) or "com.acme"
    cls = parts[-1].rsplit(".", 1)[0]
    imps = sorted({R.choice(("java.util.List", "java.util.Map", "java.util.Objects", "java.util.Optional",
                             "java.io.IOException", "java.time.Duration", "java.time.Instant",
                             "java.util.stream.Collectors", "org.slf4j.Logger", "org.slf4j.LoggerFactory",
                             f"com.acme.{noun()}.{pascal()}")) for _ in range(R.randint(3, 9))})
    out = list(APACHE) + [f"package {pkg};", ""] + [f"import {x};" for x in imps] + ["", "/**", f" * {sentence()}",
                                                                                      " */"]
    out.append(f"public {R.choice(('class', 'class', 'final class', 'abstract class'))} {cls} {{")
    out += ["", f"    private static final Logger log = LoggerFactory.getLogger({cls}.class);"]
    for _ in range(R.randint(1, 5)):
        out.append(f"    private {'final ' if R.random() < 0.6 else ''}{jtype()} {camel()};")
    return out


def py_stmt(ind, depth=0):
    r = R.random()
    if depth < 2 and r < 0.12:
        out = [f"{ind}if {R.choice(('not ', ''))}{snake()}{R.choice(('', ' is None', ' > ' + num(), ' in ' + snake()))}:"]
        for _ in range(R.randint(1, 3)):
            out += py_stmt(ind + "    ", depth + 1)
        if R.random() < 0.2:
            out.append(f"{ind}else:")
            out += py_stmt(ind + "    ", depth + 1)
        return out
    if depth < 2 and r < 0.17:
        out = [f"{ind}for {snake()} in {R.choice(('self.', ''))}{snake()}{R.choice(('', '.items()', '.values()'))}:"]
        for _ in range(R.randint(1, 3)):
            out += py_stmt(ind + "    ", depth + 1)
        return out
    if depth < 1 and r < 0.19:
        return ([f"{ind}try:"] + py_stmt(ind + "    ", 2) + py_stmt(ind + "    ", 2)
                + [f"{ind}except {R.choice(('KeyError', 'ValueError', 'OSError', pascal() + 'Error'))} as exc:",
                   f'{ind}    raise {pascal()}Error("{strlit()}") from exc'])
    if r < 0.45:
        return [f"{ind}{snake()} = {R.choice(('self.', ''))}{snake()}({snake()}{', ' + num() if R.random() < 0.4 else ''})"]
    if r < 0.60:
        return [f"{ind}{R.choice(('self.', ''))}{snake()}.{snake()}({snake()})"]
    if r < 0.67:
        return [f"{ind}# {sentence()}"]
    if r < 0.74:
        return [""]
    if r < 0.82:
        return [f'{ind}logger.{R.choice(("debug", "info", "warning"))}("{strlit()} %s", {snake()})']
    if r < 0.92:
        return [f"{ind}{snake()} = {R.choice(('[]', '{}', 'None', num(), repr(strlit()), snake() + '[' + num() + ']'))}"]
    return [f"{ind}return {snake()}"]


def py_block():
    args = ", ".join(snake() for _ in range(R.randint(0, 3)))
    if R.random() < 0.2:
        out = ["", "", f"class {pascal()}({R.choice(('', 'object', pascal()))}):", f'    """{sentence()}"""', "",
               f"    def __init__(self{', ' + args if args else ''}):"]
        for a in args.split(", ") if args else [snake()]:
            out.append(f"        self.{a} = {a if args else 'None'}")
        for _ in range(R.randint(1, 3)):
            out += ["", f"    def {snake()}(self):", f'        """{sentence()}"""']
            for _ in range(R.randint(2, 8)):
                out += py_stmt("        ")
        return out
    out = ["", "", f"def {snake()}({args}):", f'    """{sentence()}']
    if R.random() < 0.4:
        out += ["", f"    {sentence()}"]
    out.append('    """')
    for _ in range(R.randint(2, 10)):
        out += py_stmt("    ")
    out.append(f"    return {snake()}")
    return out


def py_header(path):
    out = ["#!/usr/bin/env python3"] if R.random() < 0.2 else []
    out += [f'"""{sentence()}', "", sentence(), '"""', ""]
    for m in sorted({R.choice(("os", "sys", "json", "logging", "re", "time", "argparse", "pathlib", "typing",
                               "collections", "dataclasses")) for _ in range(R.randint(2, 6))}):
        out.append(f"import {m}")
    if R.random() < 0.6:
        out += ["", f"from acme.{noun()} import {snake()}, {snake()}"]
    out += ["", "logger = logging.getLogger(__name__)"]
    for _ in range(R.randint(0, 3)):
        out.append(f"{snake().upper()} = {R.choice((num(), repr(strlit())))}")
    return out


def go_stmt(ind, depth=0):
    r = R.random()
    if r < 0.16:
        v = camel()
        return [f"{ind}{v}, err := {camel()}.{pascal()}(ctx, {camel()})", f"{ind}if err != nil {{",
                f'{ind}\treturn {R.choice(("nil, ", ""))}fmt.Errorf("{strlit()}: %w", err)', f"{ind}}}"]
    if depth < 2 and r < 0.26:
        out = [f"{ind}if {camel()} {R.choice(('==', '!=', '>', '<'))} {R.choice(('nil', num(), 'len(' + camel() + ')'))} {{"]
        for _ in range(R.randint(1, 3)):
            out += go_stmt(ind + "\t", depth + 1)
        return out + [f"{ind}}}"]
    if depth < 2 and r < 0.31:
        out = [f"{ind}for _, {camel()} := range {camel()} {{"]
        for _ in range(R.randint(1, 3)):
            out += go_stmt(ind + "\t", depth + 1)
        return out + [f"{ind}}}"]
    if r < 0.50:
        return [f"{ind}{camel()} := {camel()}.{pascal()}({camel()})"]
    if r < 0.60:
        return [f"{ind}{camel()}.{pascal()}({camel()}, {num()})"]
    if r < 0.67:
        return [f"{ind}// {sentence()}"]
    if r < 0.73:
        return [""]
    if r < 0.80:
        return [f'{ind}log.Printf("{strlit()} %v", {camel()})']
    if r < 0.88:
        return [f"{ind}defer {camel()}.Close()"]
    return [f"{ind}{camel()} = {R.choice(('nil', num(), camel(), pascal() + '{}'))}"]


def go_block():
    name = pascal()
    if R.random() < 0.2:
        out = ["", f"// {name} {sentence()[0].lower()}{sentence()[1:]}", f"type {name} struct {{"]
        for _ in range(R.randint(2, 8)):
            tag = ' `json:"%s"`' % snake() if R.random() < 0.5 else ""
            out.append(f"\t{pascal()} {R.choice(('string', 'int', 'int64', 'bool', '[]byte', '*' + pascal(), 'time.Duration'))}{tag}")
        return out + ["}"]
    recv = f"({R.choice('abcrsw')} *{pascal()}) " if R.random() < 0.5 else ""
    out = ["", f"// {name} {R.choice(VERBS)}s the {noun()} {R.choice(PREP)} the {noun()}.",
           f"func {recv}{name}(ctx context.Context, {camel()} {R.choice(('string', 'int', '*' + pascal()))}) "
           f"{R.choice(('error', '(string, error)', '(*' + pascal() + ', error)'))} {{"]
    for _ in range(R.randint(2, 10)):
        out += go_stmt("\t")
    out += ["\treturn nil" if R.random() < 0.5 else f"\treturn {camel()}, nil", "}"]
    return out


def go_header(path, license_line="Copyright 2020 The Acme Authors. All rights reserved."):
    parts = path.split("/")
    pkg = "main" if "cmd" in parts else parts[-2].replace("-", "")
    out = [f"// {license_line}", "// Use of this source code is governed by the Apache-2.0 license.", "",
           f"package {pkg}", "", "import ("]
    for m in sorted({R.choice(('"context"', '"errors"', '"fmt"', '"io"', '"log"', '"net/http"', '"os"', '"strings"',
                               '"sync"', '"time"')) for _ in range(R.randint(2, 6))}):
        out.append("\t" + m)
    out.append(")")
    return out


TS_TYPES = ["string", "number", "boolean", "string[]", "Record<string, unknown>", "Promise<void>"]


def ts_stmt(ind, depth=0):
    r = R.random()
    if depth < 2 and r < 0.12:
        out = [f"{ind}if ({R.choice(('!', ''))}{camel()}{R.choice(('', '.length > 0', ' === undefined'))}) {{"]
        for _ in range(R.randint(1, 3)):
            out += ts_stmt(ind + "  ", depth + 1)
        return out + [f"{ind}}}"]
    if depth < 2 and r < 0.17:
        out = [f"{ind}for (const {camel()} of {camel()}) {{"]
        for _ in range(R.randint(1, 2)):
            out += ts_stmt(ind + "  ", depth + 1)
        return out + [f"{ind}}}"]
    if r < 0.42:
        return [f"{ind}const {camel()} = {R.choice(('await ', ''))}{camel()}.{method()}({camel()});"]
    if r < 0.55:
        return [f"{ind}{camel()}.{method()}({camel()}, {R.choice(('true', 'false', num(), repr(strlit())))});"]
    if r < 0.62:
        return [f"{ind}// {sentence()}"]
    if r < 0.68:
        return [""]
    if r < 0.76:
        return [f"{ind}let {camel()}: {R.choice(TS_TYPES)} = {R.choice(('[]', '{}', 'undefined', num()))};"]
    if r < 0.84:
        return [f"{ind}return {R.choice(('', '<' + pascal() + ' ' + camel() + '={' + camel() + '} />', camel()))};"]
    return [f"{ind}console.{R.choice(('debug', 'warn'))}(`{strlit()} ${{{camel()}}}`);"]


def ts_block():
    name = method()
    r = R.random()
    if r < 0.2:
        out = ["", f"export interface {pascal()} {{"]
        for _ in range(R.randint(2, 8)):
            out.append(f"  {camel()}{R.choice(('', '?'))}: {R.choice(TS_TYPES)};")
        return out + ["}"]
    if r < 0.4:
        out = ["", f"export function {pascal()}({{ {camel()}, {camel()} }}: {pascal()}Props) {{"]
        for _ in range(R.randint(1, 5)):
            out += ts_stmt("  ")
        out += ["  return (", f'    <div className="{kebab()}">']
        for _ in range(R.randint(1, 6)):
            out.append(f"      <{pascal()} {camel()}={{{camel()}}} />")
        return out + ["    </div>", "  );", "}"]
    out = ["", "/**", f" * {sentence()}", " */",
           f"export {R.choice(('async ', ''))}function {name}({camel()}: {R.choice(TS_TYPES)}): {R.choice(TS_TYPES)} {{"]
    for _ in range(R.randint(2, 10)):
        out += ts_stmt("  ")
    return out + ["}"]


def ts_header(path):
    out = []
    for _ in range(R.randint(2, 7)):
        out.append(f"import {{ {pascal()}, {camel()} }} from '{R.choice(('../', './', '@/'))}{kebab()}';")
    if path.endswith(".tsx"):
        out.insert(0, "import React from 'react';")
    return out


def js_header(path):
    return ["'use strict';", ""] + [f"const {camel()} = require('{kebab()}');" for _ in range(R.randint(1, 5))]


def js_block():
    out = ["", f"function {method()}({camel()}, {camel()}) {{"]
    for _ in range(R.randint(2, 9)):
        out += [x.replace(": string", "").replace(": number", "") for x in ts_stmt("  ")]
    return out + ["}"]


def c_stmt(ind, depth=0):
    r = R.random()
    if depth < 2 and r < 0.15:
        out = [f"{ind}if ({snake()} {R.choice(('==', '!=', '<'))} {R.choice(('NULL', '0', num()))}) {{"]
        for _ in range(R.randint(1, 3)):
            out += c_stmt(ind + "\t", depth + 1)
        return out + [f"{ind}}}"]
    if depth < 2 and r < 0.2:
        out = [f"{ind}for (i = 0; i < {snake()}->{snake()}; i++) {{"]
        for _ in range(R.randint(1, 2)):
            out += c_stmt(ind + "\t", depth + 1)
        return out + [f"{ind}}}"]
    if r < 0.45:
        return [f"{ind}{snake()} = {snake()}({snake()}, {R.choice(('0', num(), 'sizeof(*' + snake() + ')'))});"]
    if r < 0.58:
        return [f"{ind}{snake()}->{snake()} = {R.choice(('NULL', '0', num(), snake()))};"]
    if r < 0.65:
        return [f"{ind}/* {sentence()} */"]
    if r < 0.72:
        return [""]
    if r < 0.80:
        return [f"{ind}return {R.choice(('0', '-1', snake(), 'NULL'))};"]
    if r < 0.86:
        return [f"{ind}goto {R.choice(('out', 'fail', 'done'))};"]
    return [f'{ind}log_debug("{strlit()} %d", {snake()});']


def c_block():
    out = ["", f"/* {sentence()} */",
           f"{R.choice(('static ', ''))}{R.choice(('int', 'void', 'size_t', 'struct ' + snake() + ' *'))} "
           f"{snake()}(struct {snake()} *{snake()}, {R.choice(('size_t', 'int', 'const char *'))} {snake()})", "{"]
    for _ in range(R.randint(1, 3)):
        out.append(f"\t{R.choice(('int', 'size_t', 'char *', 'struct ' + snake() + ' *'))} {snake()};")
    out.append("")
    for _ in range(R.randint(2, 10)):
        out += c_stmt("\t")
    return out + ["}"]


def c_header(path):
    out = ["/*", f" * {path.rsplit('/', 1)[-1]}: {sentence()}", " *",
           " * Copyright (c) 2021 The Acme Authors. See LICENSE.", " */", ""]
    for h in sorted({R.choice(("<stdio.h>", "<stdlib.h>", "<string.h>", "<errno.h>", "<stdint.h>", '"util.h"',
                               '"log.h"')) for _ in range(R.randint(2, 6))}):
        out.append(f"#include {h}")
    return out


def md_stmt(ind, depth=0):
    r = R.random()
    if r < 0.5:
        return [" ".join(sentence() for _ in range(R.randint(1, 3)))]
    if r < 0.75:
        return [f"- {sentence()}"]
    if r < 0.85:
        return [""]
    return [f"{R.randint(1, 9)}. {sentence()}"]


def md_block():
    out = ["", f"{R.choice(('##', '##', '###'))} {cap(words(1, 4))}", ""]
    for _ in range(R.randint(1, 4)):
        out += [" ".join(sentence() for _ in range(R.randint(2, 5)))] + [""]
    if R.random() < 0.4:
        out += [f"- {sentence()}" for _ in range(R.randint(2, 6))] + [""]
    if R.random() < 0.2:
        out += ["```bash", f"./{kebab()} --{kebab()} {noun()}", f"{R.choice(VERBS)} {noun()} --{noun()}={num()}", "```"]
    return out[:-1] if out[-1] == "" else out


def md_header(path):
    return [f"# {cap(words(1, 4))}", "", " ".join(sentence() for _ in range(R.randint(1, 4)))]


def yaml_stmt(ind, depth=0):
    if R.random() < 0.8:
        return [f"  {snake()}: {R.choice((num(), 'true', 'false', noun(), repr(strlit()), '${' + snake().upper() + '}'))}"]
    return [f"  - {R.choice((noun(), strlit(), snake()))}"]


def yaml_block():
    out = ["", f"{snake()}:"]
    for _ in range(R.randint(2, 10)):
        out += yaml_stmt("  ")
    return out


def yaml_header(path):
    return [f"# {sentence()}", f"version: {R.randint(1, 3)}"]


def json_stmt(ind, depth=0):
    return [f'  "{noun()}.{camel()}": "{sentence()}",']


def json_block():
    return [x for _ in range(R.randint(3, 12)) for x in json_stmt("  ")]


class Lang:
    def __init__(self, header, block, stmt, footer, unit, block_ind, blocks=(2, 8)):
        self.header, self.block, self.stmt, self.footer = header, block, stmt, footer
        self.unit, self.block_ind, self.blocks = unit, block_ind, blocks


LANGS = {
    "java": Lang(java_header, java_block, java_stmt, lambda p: ["}"], "    ", "    ", (2, 12)),
    "py": Lang(py_header, py_block, py_stmt, lambda p: [], "    ", "", (2, 10)),
    "go": Lang(go_header, go_block, go_stmt, lambda p: [], "\t", "", (2, 10)),
    "ts": Lang(ts_header, ts_block, ts_stmt, lambda p: [], "  ", "", (1, 8)),
    "js": Lang(js_header, js_block, ts_stmt, lambda p: ["", "module.exports = { " + camel() + " };"], "  ", "", (1, 6)),
    "c": Lang(c_header, c_block, c_stmt, lambda p: [], "\t", "", (2, 10)),
    "h": Lang(lambda p: c_header(p) + ["", f"#ifndef {snake().upper()}_H", f"#define {snake().upper()}_H"],
              lambda: ["", f"{R.choice(('int', 'void', 'size_t'))} {snake()}(struct {snake()} *, size_t);"]
              + ([f"#define {snake().upper()} {num()}"] if R.random() < 0.5 else []),
              lambda ind, depth=0: [f"int {snake()}(const char *{snake()});"], lambda p: ["", "#endif"], "", "",
              (3, 15)),
    "md": Lang(md_header, md_block, md_stmt, lambda p: [], "", "", (1, 6)),
    "yaml": Lang(yaml_header, yaml_block, yaml_stmt, lambda p: [], "  ", "", (1, 6)),
    "json": Lang(lambda p: ["{"], json_block, json_stmt, lambda p: [f'  "{noun()}.{camel()}": "{sentence()}"', "}"],
                 "  ", "", (1, 5)),
    "sh": Lang(lambda p: ["#!/usr/bin/env bash", f"# {sentence()}", "set -euo pipefail"],
               lambda: ["", f"{snake()}() {{"] + [f'  {R.choice(VERBS)} "${snake()}" --{kebab()}' for _ in
                                                 range(R.randint(2, 8))] + ["}"],
               lambda ind, depth=0: [f'  echo "{strlit()}"'], lambda p: ["", 'main "$@"'], "  ", "", (1, 5)),
    "bat": Lang(lambda p: ["@echo off", f"rem {sentence()}", "setlocal"],
                lambda: ["", f":{snake()}"] + [f'{R.choice(("call", "set", "echo"))} {snake()}={noun()}' for _ in
                                              range(R.randint(2, 6))] + ["goto :eof"],
                lambda ind, depth=0: [f"echo {strlit()}"], lambda p: ["", "endlocal"], "", "", (1, 4)),
}


def indent_of(line):
    return line[:len(line) - len(line.lstrip())]


# ---------------------------------------------------------------------------------------------------------- files
class File:
    """One version of a file: immutable once made (edits make a new one), so versions can be shared and reused."""
    __slots__ = ("lines", "lang", "eol", "final_nl", "head", "foot", "mode", "enc", "raw", "mark", "_data")

    def __init__(self, lines, lang=None, eol="\n", final_nl=True, head=0, foot=0, mode="100644", enc="utf-8",
                 raw=None):
        self.lines, self.lang, self.eol, self.final_nl = lines, lang, eol, final_nl
        self.head, self.foot, self.mode, self.enc, self.raw = head, foot, mode, enc, raw
        self.mark = None
        self._data = None

    def data(self):
        if self.raw is not None:
            return self.raw
        s = self.eol.join(self.lines)
        if self.final_nl and self.lines:
            s += self.eol
        return s.encode(self.enc, "replace")

    def derive(self, lines, **kw):
        f = File(lines, self.lang, self.eol, self.final_nl, self.head, self.foot, self.mode, self.enc)
        for k, v in kw.items():
            setattr(f, k, v)
        return f

    def __len__(self):
        return len(self.lines)


def new_source(path, lang, author, size=None):
    L = LANGS[lang]
    head = L.header(path)
    foot = L.footer(path)
    body = []
    n = size if size is not None else max(1, int(R.lognormvariate(math.log(sum(L.blocks) / 2), 0.7)))
    for _ in range(n):
        body += L.block()
    eol = "\r\n" if lang == "bat" or (author.windows and R.random() < 0.35) else "\n"
    if eol == "\r\n" and lang != "bat" and R.random() < 0.3:
        head = ["\ufeff" + head[0]] + head[1:] if head else head   # a BOM from a Windows editor
    final_nl = R.random() > (0.25 if author.windows else 0.03)
    return File(head + body + foot, lang, eol, final_nl, len(head), len(foot), "100755" if lang == "sh" else "100644")


def block_start(lines, q, hi, bind):
    """First index >= q (< hi) that starts a block: a non-blank line at block indentation after a blank line."""
    n = len(bind)
    while q < hi:
        if lines[q - 1] == "" and lines[q] and indent_of(lines[q]) == bind and (n or lines[q][0] not in " \t}"):
            return q
        q += 1
    return hi


def edit_source(f, hunks, grow=False):
    """Small realistic hunks in the body of a source file: replaced, inserted and deleted statements, new and
    removed functions, one-word fixes, moved lines, whitespace changes. A growing file gets no function removed."""
    L = LANGS[f.lang]
    lines = list(f.lines)
    big = len(lines) > 3000
    for _ in range(hunks):
        lo, hi = f.head, len(lines) - f.foot
        if hi - lo < 3:
            lines[hi:hi] = L.block()
            continue
        p = R.randrange(lo + 1, hi)
        ind = indent_of(lines[p]) or (indent_of(lines[p - 1]) if lines[p - 1] else "")
        r = R.random()
        if big:
            r = 0.6 + 0.4 * r if R.random() < 0.5 else r   # large files shrink as often as they grow
        elif grow and r >= 0.88:
            r = R.uniform(0.52, 0.60)
        if r < 0.35:
            k = R.choice((1, 2, 2, 3, 4, 6, 8))
            new = [x for _ in range(R.choice((1, 1, 2, 2, 3, 4))) for x in L.stmt(ind or L.unit)]
            lines[p:min(p + k, hi)] = new
        elif r < 0.52:
            lines[p:p] = [x for _ in range(R.choice((1, 1, 2, 3, 4))) for x in L.stmt(ind or L.unit)]
        elif r < 0.60:
            q = block_start(lines, max(p, lo + 1), hi, L.block_ind)
            lines[q - (1 if q < hi else 0):q - (1 if q < hi else 0)] = L.block()
        elif r < 0.65:
            line = lines[p]
            toks = line.split(" ")
            cand = [i for i, t in enumerate(toks) if t.isalpha() and len(t) > 2]
            if cand:
                toks[R.choice(cand)] = R.choice((noun(), camel(), R.choice(VERBS)))
                lines[p] = " ".join(toks)
        elif r < 0.68:
            if R.random() < 0.5:
                lines[p] = lines[p] + R.choice((" ", "  ", "\t"))   # trailing whitespace
            else:
                lines[p] = lines[p].rstrip()
        elif r < 0.70:
            k = R.randint(2, 8)
            moved = lines[p:min(p + k, hi)]
            del lines[p:min(p + k, hi)]
            q = R.randrange(lo, max(lo + 1, len(lines) - f.foot))
            lines[q:q] = moved
        elif r < 0.88:
            del lines[p:min(p + R.choice((1, 2, 2, 3, 5, 8, 12)), hi)]
        else:
            q = block_start(lines, p, hi, L.block_ind)
            if q < hi:
                e = block_start(lines, q + 1, hi, L.block_ind)
                del lines[q - 1:e - 1 if e < hi else hi]
    return f.derive(lines)


# -------------------------------------------------------------------------------------------------------- authors
class Author:
    def __init__(self, name, email, tz, dst, weight, join, leave, windows=False):
        self.name, self.email, self.tz, self.dst, self.weight = name, email, tz, dst, weight
        self.join, self.leave, self.windows = join, leave, windows

    def offset(self, t):
        """UTC offset in minutes at time t (DST approximated by month: April-October north, November-March south)."""
        if not self.dst:
            return self.tz
        m = time.gmtime(t).tm_mon
        return self.tz + 60 if 4 <= m <= 10 else self.tz


AUTHORS = [
    Author("Maya Fischer", "maya.fischer@acme.example", 60, True, 30, 0.0, 1.0),
    Author("Tomi Okonkwo", "tomi@okonkwo.dev", 60, False, 15, 0.02, 1.0),
    Author("Priya Raman", "priya.raman@acme.example", 330, False, 14, 0.10, 1.0),
    Author("Lucas Almeida", "lucas.almeida@example.com.br", -180, False, 10, 0.15, 0.85, windows=True),
    Author("Kenji Watanabe", "kenji.w@example.jp", 540, False, 8, 0.25, 1.0),
    Author("Sarah Miller", "12345678+smiller@users.noreply.github.com", -480, True, 10, 0.0, 0.60),
    Author("Noa Cohen", "noa.cohen@example.co.il", 120, True, 6, 0.45, 1.0),
    Author("Élodie Durand", "elodie.durand@example.fr", 60, True, 5, 0.55, 1.0),
]
MAYA_HOME = "maya@fischer.name"   # Maya's second address, used from home
BOT = Author("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", 0, False, 0, 0.0, 1.0)
GITHUB = Author("GitHub", "noreply@github.com", 0, False, 0, 0.0, 1.0)

# ---------------------------------------------------------------------------------------------------- the history
START = 1546819200          # Monday 2019-01-07 00:00 UTC
SPAN_DAYS = 5 * 365

SCOPES = {"server": ("api", "core", "storage", "auth", "server"), "tools": ("tools", "cli", "scripts"),
          "agent": ("agent", "collector", "upload"), "web": ("web", "ui", "dashboard"), "native": ("native", "codec"),
          "docs": ("docs",), "config": ("ci", "deploy", "config")}


class PathList:
    """Paths with O(1) add, remove and uniform choice, in a deterministic order."""

    def __init__(self):
        self.items, self.pos = [], {}

    def add(self, p):
        if p not in self.pos:
            self.pos[p] = len(self.items)
            self.items.append(p)

    def remove(self, p):
        i = self.pos.pop(p, None)
        if i is not None:
            last = self.items.pop()
            if i < len(self.items):
                self.items[i] = last
                self.pos[last] = i

    def choice(self):
        return R.choice(self.items)

    def __len__(self):
        return len(self.items)

    def __contains__(self, p):
        return p in self.pos


class Gen:
    def __init__(self, total):
        self.total = total
        self.out = sys.stdout.buffer
        self.buf = []
        self.mark = 0
        self.step = 0                  # commits written so far
        self.tree = {}                 # main's files: path -> File
        self.editable = PathList()     # source, docs and config files open to ordinary edits
        self.taken = set()             # every path ever used on main or a branch (new paths are new)
        self.locked = set()            # paths an open branch owns
        self.recent = []               # recently touched editable paths (locality)
        self.hot = PathList()          # the project's core files: edited often, they grow to thousands of lines
        self.main_tip = None
        self.branches = []
        self.pr = 100
        self.last_main = None          # (message, [(path, previous File or None)]) of the last plain main commit
        self.log = []                  # feat/fix subjects since the last release, for the changelog
        self.version = [0, 1, 0]
        self.areas = ["server", "docs"]
        self.modules = {"server": ["core", "api", "storage"], "tools": [], "agent": [], "web": ["components", "api",
                        "hooks", "pages", "utils"], "native": ["src"]}
        self.deps = {"maven": [], "npm": {}, "go": {}}
        self.npm_pool = {}
        self.vendor_mods = {}          # go module -> version, once vendored
        self.once = set()
        self.submodule_bumps = 0
        self.commits = 0

    # ---- output
    def emit_blob(self, f):
        if f.mark is not None or f.mode == "160000":
            return
        self.mark += 1
        f.mark = self.mark
        d = f.data()
        self.buf.append(b"blob\nmark :%d\ndata %d\n" % (self.mark, len(d)))
        self.buf.append(d)
        self.buf.append(b"\n")

    def when(self, author):
        x = self.step / self.total
        day = int(SPAN_DAYS * (0.15 * x + 0.85 * x ** 1.15)) + R.randint(-1, 1)
        day = max(0, min(SPAN_DAYS, day))
        wd = (day % 7)     # 0 = Monday (START is a Monday)
        if wd >= 5 and R.random() < 0.8:
            day += 7 - wd if R.random() < 0.5 else 4 - wd
        r = R.random()
        hour = R.uniform(20, 24) if r < 0.1 else R.uniform(0, 3) if r < 0.13 else min(19.9, max(8, R.gauss(14, 2.8)))
        local = START + day * 86400 + int(hour * 3600) + R.randint(0, 59)
        off = author.offset(local)
        t = local - off * 60
        return t, off

    @staticmethod
    def ident(a, t, off, email=None):
        sign = "+" if off >= 0 else "-"
        return "%s <%s> %d %s%02d%02d" % (a.name, email or a.email, t, sign, abs(off) // 60, abs(off) % 60)

    def commit(self, ref, author, msg, changes, parent=None, merge=None, committer=None):
        for _, f in changes:
            if f is not None:
                self.emit_blob(f)
        self.mark += 1
        m = self.mark
        t, off = self.when(author)
        email = MAYA_HOME if author is AUTHORS[0] and (t // 86400) % 5 == 0 else None
        c = committer or author
        ct, coff = (t + R.randint(0, 3600), 0) if c is GITHUB else (t, off)
        if c is not author and c is not GITHUB:
            ct, coff = t + R.randint(60, 86400), c.offset(t)
        msgb = msg.encode()
        head = ["commit %s" % ref, "mark :%d" % m, "author " + self.ident(author, t, off, email),
                "committer " + self.ident(c, ct, coff)]
        self.buf.append("\n".join(head).encode() + b"\ndata %d\n" % len(msgb) + msgb + b"\n")
        lines = []
        if parent is not None:
            lines.append("from :%d" % parent)
        if merge is not None:
            lines.append("merge :%d" % merge)
        for path, f in changes:
            if f is None:
                lines.append("D " + path)
            elif f.mode == "160000":
                lines.append("M 160000 %s %s" % (f.raw.decode(), path))
            else:
                lines.append("M %s :%d %s" % (f.mode, f.mark, path))
        self.buf.append(("\n".join(lines) + "\n\n").encode() if lines else b"\n")
        self.step += 1
        self.out.write(b"".join(self.buf))
        self.buf = []
        return m

    # ---- state on main
    def put(self, path, f, editable=False):
        self.tree[path] = f
        self.taken.add(path)
        if editable:
            self.editable.add(path)

    def drop(self, path):
        self.tree.pop(path, None)
        self.editable.remove(path)
        self.hot.remove(path)

    def pick_author(self):
        x = self.step / self.total
        active = [a for a in AUTHORS if a.join <= x <= a.leave]
        return R.choices(active, [a.weight for a in active])[0]

    def pick_editable(self, avoid=(), core=True):
        """A file to edit: often a core file or one touched recently, otherwise biased towards larger files."""
        for _ in range(60):
            r = R.random()
            if core and len(self.hot) and r < 0.18:
                p = self.hot.choice()
            elif self.recent and r < 0.5:
                p = R.choice(self.recent)
                if p not in self.editable:
                    continue
            else:
                p = self.editable.choice()
                n = len(self.tree[p].lines)
                if R.random() > min(1.0, ((n + 40) / 2000.0) ** 0.8):
                    continue
            if p not in self.locked and p not in avoid and (core or p not in self.hot):
                return p
        return None

    def touch(self, p):
        self.recent.append(p)
        if len(self.recent) > 60:
            del self.recent[0]

    def new_path(self, area=None):
        """A path for a new source file, its language following the area."""
        area = area or R.choice(self.areas)
        if area in ("server", "tools", "agent", "web") and R.random() < 0.03:
            self.modules[area].append(noun())
        for _ in range(100):
            if area == "server":
                mod = R.choice(self.modules["server"])
                if R.random() < 0.3:
                    p, lang = f"server/src/test/java/com/acme/{mod}/{pascal()}Test.java", "java"
                else:
                    p, lang = f"server/src/main/java/com/acme/{mod}/{pascal()}.java", "java"
            elif area == "tools":
                mod = R.choice(self.modules["tools"])
                p, lang = (f"tools/tests/test_{snake()}.py" if R.random() < 0.25 else f"tools/{mod}/{snake()}.py"), "py"
            elif area == "agent":
                mod = R.choice(self.modules["agent"])
                p = f"agent/internal/{mod}/{snake()}{'_test' if R.random() < 0.3 else ''}.go"
                lang = "go"
            elif area == "web":
                d = R.choice(self.modules["web"])
                r = R.random()
                if r < 0.45:
                    p, lang = f"web/src/{d}/{pascal()}.tsx", "ts"
                elif r < 0.85:
                    p, lang = f"web/src/{d}/{camel()}{'.test' if R.random() < 0.3 else ''}.ts", "ts"
                elif r < 0.95:
                    p, lang = f"web/scripts/{kebab()}.js", "js"
                else:
                    p, lang = f"web/src/i18n/{R.choice(('de', 'fr', 'ja', 'pt-BR', 'he', 'es', 'it'))}-{noun()}.json", "json"
            elif area == "native":
                p, lang = (f"native/src/{snake()}.c", "c") if R.random() < 0.7 else (f"native/include/{snake()}.h", "h")
            elif area == "config":
                r = R.random()
                if r < 0.4:
                    p, lang = f"deploy/k8s/{kebab()}.yaml", "yaml"
                elif r < 0.6:
                    p, lang = f".github/workflows/{kebab()}.yml", "yaml"
                elif r < 0.8:
                    p, lang = f"config/{kebab()}.json", "json"
                elif r < 0.92:
                    p, lang = f"scripts/{kebab()}.sh", "sh"
                else:
                    p, lang = f"scripts/windows/{kebab()}.{R.choice(('bat', 'cmd'))}", "bat"
            else:
                p, lang = f"docs/{R.choice(('guide', 'design', 'ops', 'adr', 'api'))}/{kebab()}.md", "md"
            if p not in self.taken:
                return p, lang
        raise RuntimeError("no free path")

    # ---- commit messages
    def subject(self, typ, area, what=None):
        scope = R.choice(SCOPES.get(area, ("core",)))
        desc = what or R.choice((
            f"{R.choice(VERBS)} {R.choice(ADJ)} {noun()} {R.choice(PREP)} {noun()} {noun()}",
            f"{R.choice(VERBS)} {noun()} {noun()} when {noun()} is {R.choice(ADJ)}",
            f"{R.choice(VERBS)} {camel()} in {pascal()}", f"{R.choice(VERBS)} {noun()}s {R.choice(PREP)} {noun()}"))
        r = R.random()
        if r < 0.07:
            return R.choice((f"Update {pascal()}", "fix tests", "wip", f"{cap(R.choice(VERBS))} {noun()}",
                             "address review comments", f"Fix typo in {noun()} docs"))
        bang = "!" if typ in ("feat", "refactor") and R.random() < 0.03 else ""
        return f"{typ}({scope}){bang}: {desc}" if R.random() < 0.75 else f"{typ}{bang}: {desc}"

    def message(self, subject, author=None):
        body = ""
        if R.random() < 0.35:
            body = "\n\n" + "\n".join(sentence() for _ in range(R.randint(1, 4)))
        if "!" in subject.split(":")[0]:
            body += f"\n\nBREAKING CHANGE: the {noun()} {noun()} is now {R.choice(ADJ)}."
        if R.random() < 0.1:
            body += f"\n\nCloses #{R.randint(10, self.pr + 50)}"
        if R.random() < 0.05:
            co = R.choice(AUTHORS)
            if co is not author:
                body += f"\n\nCo-authored-by: {co.name} <{co.email}>"
        return subject + body + "\n"

    # ---- ordinary commits
    def plain_change(self, author):
        area = R.choice(self.areas)
        typ = R.choices(("feat", "fix", "refactor", "test", "perf", "docs", "chore", "style"),
                        (30, 32, 12, 10, 3, 5, 6, 2))[0]
        changes = []
        nfiles = min(10, max(1, int(R.expovariate(1 / 2.2)) + 1))
        used = set()
        for _ in range(nfiles):
            p = self.pick_editable(used)
            if p is None:
                break
            used.add(p)
            f = self.tree[p]
            nf = edit_source(f, R.choice((1, 1, 2, 2, 3, 4, 6)), grow=p in self.hot)
            if R.random() < 0.01:
                nf = nf.derive(nf.lines, final_nl=not f.final_nl)   # "add missing newline" or an editor that drops it
            if author.windows and f.eol == "\n" and R.random() < 0.1 and len(nf.lines) > 3:
                i = R.randrange(len(nf.lines) - 1)
                nf.lines[i] += "\r"                                  # a CRLF line pasted into an LF file
            changes.append((p, nf))
        if R.random() < 0.13:
            for _ in range(R.choice((1, 1, 1, 2, 3))):
                p, lang = self.new_path(area)
                changes.append((p, new_source(p, lang, author)))
                if lang in ("java", "py", "go", "ts", "c") and R.random() < 0.04:
                    if len(self.hot) >= 50:
                        self.hot.remove(self.hot.choice())
                    self.hot.add(p)
                if lang == "py" and R.random() < 0.2:
                    init = p.rsplit("/", 1)[0] + "/__init__.py"
                    if init not in self.taken:
                        changes.append((init, File([], "py")))
        if not changes:
            p, lang = self.new_path(area)
            changes.append((p, new_source(p, lang, author)))
        prev = [(p, self.tree.get(p)) for p, _ in changes]
        for p, f in changes:
            self.put(p, f, editable=True)
            self.touch(p)
        subj = self.subject(typ, area)
        self.last_main = (subj, prev)
        if typ in ("feat", "fix", "perf"):
            self.log.append(subj)
        return changes, self.message(subj, author)

    def delete_files(self, author):
        changes = []
        for _ in range(R.choice((1, 1, 2, 3))):
            p = self.pick_editable(core=False)
            if p and p not in (q for q, _ in changes):
                changes.append((p, None))
                self.drop(p)
        return changes, self.message(self.subject("chore", "server", f"remove unused {noun()} {noun()}"), author)

    def rename(self, author, copy=False):
        p = self.pick_editable(core=False)
        if p is None or "/" not in p:  # a top-level file (early in a short history): nothing to rename it within
            return self.plain_change(author)
        f = self.tree[p]
        d, base = p.rsplit("/", 1)
        ext = base[base.index("."):] if "." in base else ""
        if R.random() < 0.3 and d.count("/") > 1:
            d = d.rsplit("/", 1)[0] + "/" + R.choice((noun(), "internal", "common", "legacy"))
        q = f"{d}/{pascal() if f.lang in ('java', 'ts') and base[0].isupper() else snake()}{ext}"
        if q in self.taken:
            return self.plain_change(author)
        nf = f if R.random() < 0.5 else edit_source(f, R.randint(1, 3))
        changes = [(q, nf)] if copy else [(p, None), (q, nf)]
        if not copy:
            if p in self.hot:
                self.hot.add(q)
            self.drop(p)
        self.put(q, nf, editable=True)
        self.touch(q)
        what = (f"add {base.split('.')[0]} variant for {noun()}" if copy else
                f"rename {base} to {q.rsplit('/', 1)[1]}")
        return changes, self.message(self.subject("feat" if copy else "refactor", "server", what), author)

    def move_dir(self, author):
        dirs = {}
        for p in self.editable.items:
            if p.count("/") >= 2:
                dirs.setdefault(p.rsplit("/", 1)[0], []).append(p)
        cands = sorted(d for d, ps in dirs.items() if 2 <= len(ps) <= 30 and not any(x in self.locked for x in ps))
        if not cands:
            return self.plain_change(author)
        d = R.choice(cands)
        nd = d.rsplit("/", 1)[0] + "/" + R.choice((noun(), noun() + "s", "internal", "common"))
        if any(p.startswith(nd + "/") for p in self.taken):
            return self.plain_change(author)
        changes = []
        for p in sorted(dirs[d]):
            q = nd + p[len(d):]
            f = self.tree[p]
            if f.lang == "java":   # the package line moves with the folder
                f = f.derive([("package " + ".".join(nd.split("/java/", 1)[-1].split("/")) + ";")
                              if x.startswith("package ") else x for x in f.lines])
            changes += [(p, None), (q, f)]
            if p in self.hot:
                self.hot.add(q)
            self.drop(p)
            self.put(q, f, editable=True)
        return changes, self.message(self.subject("refactor", "server", f"move {d.rsplit('/', 1)[1]} to {nd}"), author)

    def split_file(self, author):
        big = [p for p in self.recent if p in self.editable and p not in self.locked and len(self.tree[p].lines) > 1500]
        if not big:
            return self.plain_change(author)
        p = big[-1]
        f = self.tree[p]
        lo, hi = f.head, len(f.lines) - f.foot
        a = lo + (hi - lo) // 3
        b = lo + 2 * (hi - lo) // 3
        moved = f.lines[a:b]
        nf = f.derive(f.lines[:a] + f.lines[b:])
        d, base = p.rsplit("/", 1)
        q = f"{d}/{base.split('.')[0]}{R.choice(('Support', 'Helpers', '_util', 'Ext'))}.{base.split('.', 1)[-1]}"
        if q in self.taken:
            return self.plain_change(author)
        L = LANGS[f.lang]
        head = L.header(q)
        foot = L.footer(q)
        new = File(head + moved + foot, f.lang, f.eol, True, len(head), len(foot), f.mode)
        self.put(p, nf, editable=True)
        self.put(q, new, editable=True)
        return [(p, nf), (q, new)], self.message(self.subject("refactor", "server", f"split {base}"), author)

    def reformat(self, author):
        p = self.pick_editable()
        if p is None:
            return self.plain_change(author)
        f = self.tree[p]
        if f.lang in ("ts", "js", "yaml", "json"):
            lines = [(" " * (2 * (len(x) - len(x.lstrip(" ")))) + x.lstrip(" ")) for x in f.lines]
        elif f.lang in ("java", "py"):
            lines = [x.replace("    ", "\t") for x in f.lines]
        else:
            lines = [x.rstrip() for x in f.lines]
        nf = f.derive(lines)
        self.put(p, nf, editable=True)
        return [(p, nf)], self.message(self.subject("style", "web", f"reformat {p.rsplit('/', 1)[1]}"), author)

    def revert(self, author):
        subj, prev = self.last_main
        self.last_main = None
        if any(p in self.locked for p, _ in prev):
            return self.plain_change(author)
        changes = []
        for p, f in prev:
            if f is None:
                if p in self.tree:
                    changes.append((p, None))
                    self.drop(p)
            else:
                changes.append((p, f))
                self.put(p, f, editable=True)
        return changes, f'Revert "{subj}"\n\nThis reverts the previous commit: it broke the {noun()} tests.\n'

    # ---- special files
    def pom(self):
        deps = ""
        for g, a, v in self.deps["maven"]:
            scope = "\n            <scope>test</scope>" if a.endswith("test") or a.startswith("junit") else ""
            deps += (f"\n        <dependency>\n            <groupId>{g}</groupId>\n"
                     f"            <artifactId>{a}</artifactId>\n            <version>{v}</version>{scope}\n"
                     f"        </dependency>")
        text = f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
    <modelVersion>4.0.0</modelVersion>

    <groupId>com.acme</groupId>
    <artifactId>acme-server</artifactId>
    <version>{'.'.join(map(str, self.version))}-SNAPSHOT</version>
    <packaging>jar</packaging>

    <properties>
        <maven.compiler.release>17</maven.compiler.release>
        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    </properties>

    <dependencies>{deps}
    </dependencies>

    <build>
        <plugins>
            <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>3.2.5</version>
            </plugin>
        </plugins>
    </build>
</project>"""
        return File(text.split("\n"), "xml")

    def package_json(self):
        deps = self.deps["npm"]
        body = ",\n".join(f'    "{k}": "^{v}"' for k, v in deps.items())
        text = ('{\n  "name": "@acme/web",\n  "version": "%s",\n  "private": true,\n  "scripts": {\n'
                '    "build": "webpack --mode production",\n    "test": "jest",\n    "lint": "eslint src"\n  },\n'
                '  "dependencies": {\n%s\n  }\n}' % (".".join(map(str, self.version)), body))
        return File(text.split("\n"), "json")

    def lock_json(self):
        entries = []
        seen = set()
        todo = list(self.deps["npm"].items())
        while todo:
            name, ver = todo.pop(0)
            if name in seen:
                continue
            seen.add(name)
            sub = self.npm_pool.setdefault(name, [])
            integ = hashlib.sha512(f"{name}@{ver}".encode()).hexdigest()[:86]
            e = [f'    "node_modules/{name}": {{', f'      "version": "{ver}",',
                 f'      "resolved": "https://registry.npmjs.org/{name}/-/{name.split("/")[-1]}-{ver}.tgz",',
                 f'      "integrity": "sha512-{integ}=="']
            if sub:
                e[-1] += ","
                e.append('      "dependencies": {')
                e += [f'        "{s}": "^{sv}"' + ("," if i < len(sub) - 1 else "") for i, (s, sv) in enumerate(sub)]
                e.append("      }")
                todo += sub
            e.append("    }")
            entries.append((name, e))
        entries.sort()
        lines = ["{", '  "name": "@acme/web",', f'  "version": "{".".join(map(str, self.version))}",',
                 '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {']
        for i, (_, e) in enumerate(entries):
            lines += e[:-1] + ["    }" + ("," if i < len(entries) - 1 else "")]
        return File(lines + ["  }", "}"], "json")

    def go_mod(self):
        req = [f"\t{m} {v}" for m, v in sorted(self.deps["go"].items())]
        gomod = File(["module github.com/acme/agent", "", "go 1.21", "", "require ("] + req + [")"], "gomod")
        s = []
        for m, v in sorted(self.deps["go"].items()):
            h = hashlib.sha256(f"{m}{v}".encode()).hexdigest()
            s += [f"{m} {v} h1:{h[:43]}=", f"{m} {v}/go.mod h1:{h[21:64]}="]
        return gomod, File(s, "gosum")

    def npm_name(self):
        return R.choice((f"@{R.choice(DOMAIN)}/{noun()}", f"{noun()}-{noun()}", f"{R.choice(DOMAIN)}js", noun()))

    def add_dependency(self, author):
        x = self.step / self.total
        kinds = ["maven"] + (["npm"] if "web" in self.areas else []) + (["go"] if "agent" in self.areas else [])
        k = R.choice(kinds)
        changes = []
        if k == "maven":
            g = R.choice(("org.apache.commons", "com.fasterxml.jackson.core", "io.micrometer", "org.postgresql",
                          f"io.{R.choice(DOMAIN)}", "org.junit.jupiter", "com.google.guava"))
            a = f"{noun()}-{R.choice(('core', 'api', 'client', 'test', 'utils'))}"
            self.deps["maven"].insert(R.randint(0, len(self.deps["maven"])), (g, a, f"{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 9)}"))
            f = self.pom()
            changes.append(("pom.xml", f))
            self.put("pom.xml", f)
            what = f"add {a}"
        elif k == "npm":
            name = self.npm_name()
            self.deps["npm"][name] = f"{R.randint(0, 12)}.{R.randint(0, 30)}.{R.randint(0, 9)}"
            self.npm_pool[name] = [(self.npm_name(), f"{R.randint(1, 5)}.{R.randint(0, 9)}.0") for _ in range(R.choice((0, 1, 2, 3, 5)))]
            for p, f in (("web/package.json", self.package_json()), ("web/package-lock.json", self.lock_json())):
                changes.append((p, f))
                self.put(p, f)
            what = f"add {name}"
        else:
            m = f"github.com/{R.choice(DOMAIN)}/{noun()}"
            self.deps["go"][m] = f"v{R.randint(0, 2)}.{R.randint(0, 20)}.{R.randint(0, 9)}"
            gm, gs = self.go_mod()
            changes += [("agent/go.mod", gm), ("agent/go.sum", gs)]
            self.put("agent/go.mod", gm)
            self.put("agent/go.sum", gs)
            what = f"add {m}"
            if "vendor" in self.once and R.random() < 0.4:
                changes += self.vendor_module(m, self.deps["go"][m])
        if R.random() < 0.5:   # the code that uses it
            p = self.pick_editable()
            if p:
                nf = edit_source(self.tree[p], 2)
                self.put(p, nf, editable=True)
                changes.append((p, nf))
        return changes, self.message(self.subject("build", "config", what), author)

    def bump(self):
        """A dependabot pull request's commit: one version changes in a manifest (and its lock file)."""
        kinds = [k for k in ("maven", "npm", "go") if self.deps[k]]
        if not kinds:
            return None
        k = R.choice(kinds)
        changes = []
        if k == "maven":
            i = R.randrange(len(self.deps["maven"]))
            g, a, v = self.deps["maven"][i]
            nv = bump_version(v)
            self.deps["maven"][i] = (g, a, nv)
            f = self.pom()
            changes.append(("pom.xml", f))
            self.put("pom.xml", f)
            subj = f"build(deps): bump {g}:{a} from {v} to {nv}"
        elif k == "npm":
            name = R.choice(sorted(self.deps["npm"]))
            v = self.deps["npm"][name]
            nv = bump_version(v)
            self.deps["npm"][name] = nv
            for p, f in (("web/package.json", self.package_json()), ("web/package-lock.json", self.lock_json())):
                changes.append((p, f))
                self.put(p, f)
            subj = f"build(deps): bump {name} from {v} to {nv} in /web"
        else:
            m = R.choice(sorted(self.deps["go"]))
            v = self.deps["go"][m]
            nv = "v" + bump_version(v[1:])
            self.deps["go"][m] = nv
            gm, gs = self.go_mod()
            changes += [("agent/go.mod", gm), ("agent/go.sum", gs)]
            self.put("agent/go.mod", gm)
            self.put("agent/go.sum", gs)
            subj = f"build(deps): bump {m} from {v} to {nv} in /agent"
            if m in self.vendor_mods:
                changes += self.vendor_module(m, nv)
        body = (f"\n\nBumps {subj.split('bump ', 1)[1].split(' from')[0]} from {subj.split(' from ')[1]}.\n"
                f"- [Release notes](https://github.com/{R.choice(DOMAIN)}/{noun()}/releases)\n"
                f"\n---\nupdated-dependencies:\n- dependency-type: direct:production\n\n"
                f"Signed-off-by: dependabot[bot] <support@github.com>")
        return changes, subj + body + "\n"

    def vendor_module(self, mod, ver):
        """Vendors (or re-vendors at a new version) one Go module: many files, most of them changed."""
        changes = []
        base = "agent/vendor/" + mod
        mine = sorted(p for p in self.tree if p.startswith(base + "/"))
        lic = f"Copyright {R.randint(2014, 2022)} The {mod.split('/')[1]} Authors."
        if not mine:
            pkgs = [""] + [f"/{noun()}" for _ in range(R.randint(0, 3))]
            for _ in range(R.randint(4, 24)):
                p = f"{base}{R.choice(pkgs)}/{snake()}.go"
                if p in self.tree:
                    continue
                head = go_header(p, lic)
                body = [x for _ in range(max(1, int(R.lognormvariate(1.6, 0.8)))) for x in go_block()]
                f = File(head + body, "go", head=len(head))
                changes.append((p, f))
            changes.append((base + "/LICENSE", File(["Apache License", "Version 2.0, January 2004"] + [sentence() for _ in range(60)])))
        else:
            for p in mine:
                r = R.random()
                if p.endswith("LICENSE"):
                    continue
                if r < 0.05:
                    changes.append((p, None))
                elif r < 0.6:
                    changes.append((p, edit_source(self.tree[p], R.randint(1, 8))))
            for _ in range(R.randint(0, 3)):
                p = f"{base}/{snake()}.go"
                if p not in self.tree:
                    head = go_header(p, lic)
                    changes.append((p, File(head + [x for _ in range(R.randint(1, 8)) for x in go_block()], "go", head=len(head))))
        self.vendor_mods[mod] = ver
        for p, f in changes:
            if f is None:
                self.drop(p)
            else:
                self.put(p, f)
        mt = []
        for m, v in sorted(self.vendor_mods.items()):
            mt += [f"# {m} {v}", "## explicit; go 1.19", m]
        f = File(mt, "txt")
        self.put("agent/vendor/modules.txt", f)
        changes.append(("agent/vendor/modules.txt", f))
        return changes

    def changelog(self):
        v = ".".join(map(str, self.version))
        entry = [f"## [{v}] - {time.strftime('%Y-%m-%d', time.gmtime(START + self.step * SPAN_DAYS * 86400 // self.total))}", ""]
        feats = [s for s in self.log if s.startswith("feat")]
        fixes = [s for s in self.log if s.startswith(("fix", "perf"))]
        if feats:
            entry += ["### Features", ""] + [f"- {s.split(': ', 1)[-1]}" for s in feats] + [""]
        if fixes:
            entry += ["### Bug Fixes", ""] + [f"- {s.split(': ', 1)[-1]}" for s in fixes] + [""]
        old = self.tree.get("CHANGELOG.md")
        lines = old.lines if old else ["# Changelog", "", "All notable changes to this project are documented here.", ""]
        f = File(lines[:4] + entry + lines[4:], "md")
        self.put("CHANGELOG.md", f)
        self.log = []
        return ("CHANGELOG.md", f)

    def minified(self, name, n):
        lines = []
        for _ in range(n):
            parts = []
            for _ in range(R.randint(40, 160)):
                parts.append(R.choice((f"function {R.choice('abcdefgh')}{R.randint(0, 99)}(e,t){{return e.{camel()}(t)}}",
                                       f'var {R.choice("nrsu")}={{"{camel()}":"{strlit()}"}};',
                                       f"t.{camel()}=function(){{if(!e)throw new Error(\"{strlit()}\");return {num()}}};")))
            lines.append("".join(parts))
        return File([f"/*! {name} | (c) Acme | MIT */"] + lines, "js", final_nl=False)

    def release(self, author):
        if R.random() < 0.15:
            self.version = [self.version[0] + (1 if self.version[1] > 8 else 0), 0 if self.version[1] > 8 else self.version[1] + 1, 0]
        else:
            self.version[2] += 1
        changes = [self.changelog()]
        f = self.pom()
        self.put("pom.xml", f)
        changes.append(("pom.xml", f))
        if "web" in self.areas:
            for p, f in (("web/package.json", self.package_json()), ("web/package-lock.json", self.lock_json())):
                changes.append((p, f))
                self.put(p, f)
            if "dist" in self.once:
                for p, n in (("web/dist/app.min.js", R.randint(3, 12)), ("web/dist/vendor.min.js", R.randint(2, 6))):
                    f = self.minified(p, n)
                    changes.append((p, f))
                    self.put(p, f)
        v = ".".join(map(str, self.version))
        return changes, f"chore(release): {v}\n"

    def csv_rows(self, n):
        return [f"{R.randint(1000, 99999)},{''.join(R.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(3))},"
                f"{cap(R.choice(DOMAIN))} {R.choice(('International', 'Regional', 'Municipal', 'Field', 'Airport'))},"
                f"{R.uniform(-60, 70):.4f},{R.uniform(-180, 180):.4f},{R.randint(0, 4000)},"
                f"{R.choice(('US', 'BR', 'DE', 'FR', 'JP', 'IN', 'NG', 'IL', 'CA', 'AU'))},{R.choice(('large', 'medium', 'small'))}"
                for _ in range(n)]

    def data_refresh(self, author):
        p = "data/airports.csv"
        old = self.tree.get(p)
        if old is None:
            f = File(["id,code,name,lat,lon,elevation,country,size"] + self.csv_rows(R.randint(2200, 2600)), "csv")
        else:
            rows = list(old.lines[1:])
            for _ in range(int(len(rows) * R.uniform(0.1, 0.5))):
                rows[R.randrange(len(rows))] = self.csv_rows(1)[0]
            for _ in range(int(len(rows) * R.uniform(0.0, 0.03))):
                del rows[R.randrange(len(rows))]
            for _ in range(int(len(rows) * R.uniform(0.01, 0.08))):
                rows.insert(R.randrange(len(rows)), self.csv_rows(1)[0])
            f = old.derive(old.lines[:1] + rows)
        self.put(p, f)
        changes = [(p, f)]
        g = "server/src/test/resources/golden/report.json"
        if old is None or R.random() < 0.5:
            items = []
            for i in range(R.randint(350, 500)):
                items += ["    {", f'      "id": {i},', f'      "{noun()}": "{strlit()}",', f'      "{noun()}": {num()},',
                          f'      "{noun()}": {R.choice(("true", "false", "null"))}', "    },"]
            items[-1] = "    }"
            gf = File(["{", '  "items": ['] + items + ["  ]", "}"], "json")
            self.put(g, gf)
            changes.append((g, gf))
        return changes, self.message(f"chore(data): {'add' if old is None else 'refresh'} airports dataset and golden report")

    def binary(self, size):
        head = R.choice((b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04\x14\x00\x08\x00", b"wOF2\x00\x01\x00\x00"))
        return File(None, None, raw=head + R.randbytes(size))

    def binaries(self, author):
        paths = [p for p in sorted(self.tree) if self.tree[p].raw is not None and p.endswith((".png", ".ico"))]
        changes = []
        if paths and R.random() < 0.5:
            for p in R.sample(paths, min(len(paths), R.randint(1, 3))):
                changes.append((p, self.binary(R.randint(3000, 120000))))
            subj = "docs: update screenshots"
        else:
            p = f"docs/img/{kebab()}.png"
            changes.append((p, self.binary(R.randint(3000, 150000))))
            md = [q for q in self.editable.items if q.endswith(".md") and q not in self.locked]
            if md:
                q = R.choice(sorted(md))
                f = self.tree[q]
                nf = f.derive(f.lines + ["", f"![{words(1, 3)}](../img/{p.rsplit('/', 1)[1]})"])
                changes.append((q, nf))
            subj = f"docs: add {p.rsplit('/', 1)[1]} screenshot"
        for p, f in changes:
            self.put(p, f, editable=f.raw is None)
        return changes, self.message(subj, author)

    # ---- one-off events, at fixed points of the history
    def event(self, name, author):
        ch = []
        if name == "init":
            self.deps["maven"] = [("org.slf4j", "slf4j-api", "1.7.25"), ("junit", "junit", "4.12")]
            ch += [("README.md", File(md_header("README.md") + md_block() + md_block(), "md")),
                   ("LICENSE", File(["", "                                 Apache License",
                                     "                           Version 2.0, January 2004"] + [sentence() for _ in range(180)])),
                   (".gitignore", File(["target/", "*.class", ".idea/", "*.iml", "__pycache__/", "dist/", ".env"])),
                   ("pom.xml", self.pom()),
                   (".mvn/wrapper/maven-wrapper.jar", self.binary(50710)),
                   ("mvnw.cmd", File(LANGS["bat"].header("mvnw.cmd") + [x for _ in range(4) for x in LANGS["bat"].block()], "bat", "\r\n"))]
            for _ in range(12):
                p, lang = self.new_path("server")
                ch.append((p, new_source(p, lang, AUTHORS[0])))
            for p, f in ch:
                self.put(p, f, editable=f.lang in LANGS and p != "mvnw.cmd")
            return ch, "Initial commit\n"
        if name in ("tools", "agent", "web", "native", "config"):
            self.areas.append(name)
            if name == "tools":
                self.modules["tools"] = [noun() for _ in range(4)]
                for m in self.modules["tools"]:
                    ch.append((f"tools/{m}/__init__.py", File([], "py")))
            elif name == "agent":
                self.modules["agent"] = [noun() for _ in range(5)]
                self.deps["go"] = {"github.com/spf13/cobra": "v1.1.1", "golang.org/x/sync": "v0.1.0"}
                gm, gs = self.go_mod()
                ch += [("agent/go.mod", gm), ("agent/go.sum", gs)]
                p = "agent/cmd/agent/main.go"
                ch.append((p, new_source(p, "go", author, 2)))
            elif name == "web":
                self.deps["npm"] = {"react": "17.0.1", "react-dom": "17.0.1", "typescript": "4.1.3"}
                ch += [("web/package.json", self.package_json()), ("web/package-lock.json", self.lock_json()),
                       ("web/tsconfig.json", File(["{", '  "compilerOptions": {', '    "target": "es2019",',
                                                   '    "jsx": "react",', '    "strict": true', "  }", "}"], "json")),
                       ("web/public/favicon.ico", self.binary(15086)),
                       ("web/.eslintrc.js", File(["module.exports = {", "  root: true,",
                                                  "  parser: '@typescript-eslint/parser',", "};"], "js"))]
            elif name == "native":
                ch.append(("native/Makefile", File(["CC ?= cc", "CFLAGS += -O2 -Wall", "", "all: libacme.a", "",
                                                    "libacme.a: $(patsubst %.c,%.o,$(wildcard src/*.c))",
                                                    "\tar rcs $@ $^"], "make")))
            elif name == "config":
                ch.append(("Dockerfile", File(["FROM eclipse-temurin:11-jre", "WORKDIR /app",
                                               "COPY target/acme-server.jar /app/app.jar", "EXPOSE 8080",
                                               'ENTRYPOINT ["java", "-jar", "/app/app.jar"]'], "docker")))
            for _ in range(R.randint(6, 14)):
                p, lang = self.new_path(name)
                ch.append((p, new_source(p, lang, author)))
            for p, f in ch:
                self.put(p, f, editable=f.lang in LANGS and f.lines != [] and not p.endswith(
                    ("package.json", "package-lock.json", "tsconfig.json", ".eslintrc.js")))
            return ch, self.message(self.subject("feat", name, f"add {name} skeleton"), author)
        if name == "vendor":
            self.once.add("vendor")
            for m, v in sorted(self.deps["go"].items()):
                ch += self.vendor_module(m, v)
            return ch, "chore(agent): vendor Go dependencies\n\nBuilds must work offline in the release pipeline.\n"
        if name == "dist":
            self.once.add("dist")
            for p, n in (("web/dist/app.min.js", 6), ("web/dist/vendor.min.js", 3)):
                f = self.minified(p, n)
                ch.append((p, f))
                self.put(p, f)
            return ch, self.message("build(web): commit the production bundle for the embedded UI", author)
        if name == "node_modules":
            for _ in range(R.randint(20, 40)):
                pkg = self.npm_name().replace("@", "").replace("/", "-")
                for fn, lang in (("index.js", "js"), ("lib/util.js", "js"), ("README.md", "md")):
                    p = f"web/node_modules/{pkg}/{fn}"
                    if p not in self.tree:
                        ch.append((p, new_source(p, lang, author)))
                ch.append((f"web/node_modules/{pkg}/package.json", File(["{", f'  "name": "{pkg}",', '  "version": "1.0.0"', "}"], "json")))
            for p, f in ch:
                self.put(p, f)
            return ch, self.message("feat(web): add chart widgets", author)
        if name == "node_modules_rm":
            ch = [(p, None) for p in sorted(self.tree) if p.startswith("web/node_modules/")]
            for p, _ in ch:
                self.drop(p)
            g = self.tree[".gitignore"]
            f = g.derive(g.lines + ["node_modules/"])
            self.put(".gitignore", f)
            ch.append((".gitignore", f))
            return ch, "chore(web): remove node_modules from the repository\n"
        if name == "crlf":   # normalise line endings: every line of every CRLF file changes
            ch = []
            for p in sorted(self.editable.items):
                f = self.tree[p]
                if p in self.locked or f.lang == "bat":
                    continue
                if f.eol == "\r\n" or any(x.endswith("\r") for x in f.lines):
                    nf = f.derive([x.rstrip("\r") for x in f.lines], eol="\n")
                    if f.lines and f.lines[0].startswith("\ufeff"):
                        nf.lines[0] = nf.lines[0][1:]
                    ch.append((p, nf))
                    self.put(p, nf, editable=True)
            ga = File(["* text=auto eol=lf", "*.bat text eol=crlf", "*.cmd text eol=crlf", "*.png binary",
                       "*.jar binary", "web/dist/** linguist-generated"])
            self.put(".gitattributes", ga)
            ch.append((".gitattributes", ga))
            return ch, "chore: normalize line endings\n\nAdds .gitattributes and converts the files committed with CRLF.\n"
        if name == "encodings":
            lat = File(["# Messages en français", f"{noun()}.title=Résumé des {noun()}s",
                        f"{noun()}.error=Échec de la requête : {{0}}", f"{noun()}.hint=Vérifiez la connexion à {noun()}",
                        f"{noun()}.ok=Opération réussie"] + [f"{noun()}.{noun()}={words(2, 6)} é à ç" for _ in range(40)],
                       "properties", enc="latin-1")
            rc = ["\ufeff// Microsoft Visual C++ generated resource script.", "#include \"resource.h\"", "",
                  "VS_VERSION_INFO VERSIONINFO", " FILEVERSION 1,0,0,1", "BEGIN"] + [
                     f'            VALUE "{pascal()}", "{strlit()}"' for _ in range(30)] + ["END"]
            utf16 = File(rc, "rc", "\r\n", enc="utf-16-le")
            log = [f"2021-03-{R.randint(10, 28)} {R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d} "
                   f"{R.choice(('INFO', 'WARN', 'ERROR'))} [{noun()}] {sentence()}" for _ in range(300)]
            log.insert(250, "\x00" * 24 + " <truncated write>")   # a NUL past git's first 8000 bytes: still text
            ch = [("server/src/main/resources/messages_fr.properties", lat), ("native/win/version.rc", utf16),
                  ("server/src/test/resources/logs/crash-2021-03.log", File(log, "log")),
                  ("docs/Design Notes.md", File(md_header("x") + md_block(), "md")),
                  ("docs/i18n/français.md", File(md_header("x") + md_block(), "md"))]
            for p, f in ch:
                self.put(p, f, editable=p.endswith(".md"))
            return ch, self.message("chore: add French messages, Windows resources and crash log fixture", author)
        if name == "utf8rc":   # the UTF-16 resource script becomes UTF-8 text: binary to text for git
            f = self.tree["native/win/version.rc"]
            nf = f.derive([x.lstrip("\ufeff") for x in f.lines] + [f'            VALUE "{pascal()}", "{strlit()}"'], enc="utf-8")
            self.put("native/win/version.rc", nf)
            lat = self.tree["server/src/main/resources/messages_fr.properties"]
            nl = lat.derive(lat.lines + [f"{noun()}.{noun()}=Déjà {words(1, 3)}" for _ in range(5)])
            self.put("server/src/main/resources/messages_fr.properties", nl)
            lg = self.tree["server/src/test/resources/logs/crash-2021-03.log"]
            nlg = lg.derive(lg.lines[:200] + lg.lines[260:])
            self.put("server/src/test/resources/logs/crash-2021-03.log", nlg)
            return ([("native/win/version.rc", nf), ("server/src/main/resources/messages_fr.properties", nl),
                     ("server/src/test/resources/logs/crash-2021-03.log", nlg)],
                    "chore(native): convert version.rc to UTF-8\n")
        if name == "links":
            ch = [("docs/CONTRIBUTING.md", File(None, raw=b"../CONTRIBUTING.md", mode="120000")),
                  ("CONTRIBUTING.md", File(md_header("x") + md_block() + md_block(), "md")),
                  ("scripts/release.sh", File(LANGS["sh"].header("x") + LANGS["sh"].block(), "sh")),
                  (".gitmodules", File(['[submodule "third_party/googleapis"]', "\tpath = third_party/googleapis",
                                        "\turl = https://github.com/googleapis/googleapis.git"])),
                  ("third_party/googleapis", self.gitlink())]
            for p, f in ch:
                self.put(p, f)
            return ch, self.message("chore: contributing guide, release script and googleapis submodule", author)
        if name == "chmod":
            f = self.tree["scripts/release.sh"]
            nf = f.derive(f.lines, mode="100755")
            link = File(None, raw=b"../../config/eslint.base.js", mode="120000")
            base = File(["module.exports = {", "  root: true,", "  extends: ['eslint:recommended'],", "};"], "js")
            ch = [("scripts/release.sh", nf), ("config/eslint.base.js", base), ("web/.eslintrc.js", link)]
            for p, f in ch:
                self.put(p, f)
            return ch, "chore: make release.sh executable and share the eslint config\n"
        if name == "relink":
            ch = [("docs/CONTRIBUTING.md", File(None, raw=b"../.github/CONTRIBUTING.md", mode="120000")),
                  (".github/CONTRIBUTING.md", self.tree["CONTRIBUTING.md"]), ("CONTRIBUTING.md", None)]
            for p, f in ch:
                if f is None:
                    self.drop(p)
                else:
                    self.put(p, f)
            return ch, "docs: move CONTRIBUTING.md under .github\n"
        if name == "dockerfile":
            f = self.tree["Dockerfile"]
            nf = f.derive(["FROM eclipse-temurin:17-jre-alpine AS runtime"] + f.lines[1:3]
                          + ["RUN addgroup -S acme && adduser -S acme -G acme", "USER acme"] + f.lines[3:]
                          + ['HEALTHCHECK CMD wget -qO- http://localhost:8080/actuator/health || exit 1'])
            self.put("Dockerfile", nf)
            return [("Dockerfile", nf)], self.message("build(docker): run as a non-root user on Java 17", author)
        raise ValueError(name)

    def gitlink(self):
        self.submodule_bumps += 1
        return File(None, raw=hashlib.sha1(b"googleapis %d" % self.submodule_bumps).hexdigest().encode(), mode="160000")

    # ---- branches
    def open_branch(self, author):
        b = {"ref": f"refs/heads/pr/{self.pr}", "pr": self.pr, "author": author, "overlay": {}, "owned": [],
             "left": R.choice((1, 2, 2, 3, 3, 4, 5, 6, 8)), "tip": None, "area": R.choice(self.areas)}
        self.pr += 1
        for _ in range(R.randint(1, 5)):
            p = self.pick_editable(b["owned"])
            if p:
                b["owned"].append(p)
                self.locked.add(p)
        b["subject"] = self.subject(R.choice(("feat", "feat", "fix", "refactor")), b["area"])
        self.branches.append(b)

    def branch_commit(self, b):
        changes = []
        for p in R.sample(b["owned"], min(len(b["owned"]), R.randint(1, 3))) if b["owned"] else []:
            f = b["overlay"].get(p) or self.tree[p]
            nf = edit_source(f, R.choice((1, 2, 2, 3)))
            b["overlay"][p] = nf
            changes.append((p, nf))
        if not changes or R.random() < 0.3:
            p, lang = self.new_path(b["area"])
            f = new_source(p, lang, b["author"])
            self.taken.add(p)
            b["owned"].append(p)
            b["overlay"][p] = f
            changes.append((p, f))
        parent = None if b["tip"] is not None else self.main_tip
        subj = b["subject"] if b["tip"] is None else R.choice((self.subject("fix", b["area"]), "address review comments",
                                                                self.subject("test", b["area"])))
        b["tip"] = self.commit(b["ref"], b["author"], self.message(subj, b["author"]), changes, parent=parent)
        b["left"] -= 1

    def merge_branch(self, b):
        self.branches.remove(b)
        changes = sorted(b["overlay"].items())
        for p, f in changes:
            self.put(p, f, editable=True)
            self.locked.discard(p)
            self.touch(p)
        for p in b["owned"]:
            self.locked.discard(p)
        user = b["author"].email.split("@")[0].split("+")[-1].split(".")[0]
        msg = f"Merge pull request #{b['pr']} from acme/{user}/{b['subject'].split(':')[0].split('(')[0]}-{noun()}\n\n{b['subject']}\n"
        self.main_tip = self.commit("refs/heads/main", self.pick_author(), msg, changes, merge=b["tip"], committer=GITHUB)
        if b["subject"].startswith(("feat", "fix")):
            self.log.append(b["subject"])
        self.last_main = None

    # ---- the run
    def run(self):
        n = self.total
        ev = {}
        for name, frac in (("tools", 0.06), ("config", 0.09), ("agent", 0.14), ("web", 0.22), ("vendor", 0.30),
                           ("native", 0.34), ("encodings", 0.38), ("links", 0.42), ("dist", 0.45),
                           ("node_modules", 0.52), ("dockerfile", 0.58), ("utf8rc", 0.61), ("chmod", 0.66),
                           ("crlf", 0.72), ("relink", 0.8)):
            ev.setdefault(max(1, int(n * frac)), []).append(name)
        ev.setdefault(max(2, int(n * 0.52) + R.randint(3, 12)), []).append("node_modules_rm")
        pending = []
        changes, msg = self.event("init", AUTHORS[0])
        self.main_tip = self.commit("refs/heads/main", AUTHORS[0], msg, changes)
        while self.step < n:
            pending += ev.pop(self.step, [])
            if self.branches and n - self.step <= len(self.branches):   # the end: merge (or drop) what is open
                for b in self.branches:
                    b["left"] = 0
                for b in [b for b in self.branches if b["tip"] is None]:
                    self.branches.remove(b)
                    for p in b["owned"]:
                        self.locked.discard(p)
            ready = [b for b in self.branches if b["left"] <= 0]
            if ready and R.random() < 0.6 or (ready and n - self.step <= len(self.branches)):
                self.merge_branch(ready[0])
                continue
            if self.branches and n - self.step > len(self.branches) + 1 and R.random() < 0.3:
                b = R.choice([b for b in self.branches if b["left"] > 0] or self.branches)
                if b["left"] > 0:
                    self.branch_commit(b)
                    continue
            if len(self.branches) < 3 and not pending and R.random() < 0.035 and n - self.step > 20:
                self.open_branch(self.pick_author())
            author = self.pick_author()
            bot = False
            if pending:
                name = pending.pop(0)
                if name == "crlf" and self.branches:
                    pending.insert(0, name)      # wait until no branch is open (the files must not be locked)
                    changes, msg = self.plain_change(author)
                else:
                    changes, msg = self.event(name, author)
            else:
                r = R.random()
                if r < 0.016:
                    changes, msg = self.delete_files(author)
                elif r < 0.027:
                    changes, msg = self.rename(author)
                elif r < 0.033:
                    changes, msg = self.rename(author, copy=True)
                elif r < 0.035:
                    changes, msg = self.move_dir(author)
                elif r < 0.040:
                    changes, msg = self.split_file(author)
                elif r < 0.0415:
                    changes, msg = self.reformat(author)
                elif r < 0.044 and self.last_main:
                    changes, msg = self.revert(author)
                elif r < 0.064:
                    changes, msg = self.add_dependency(author)
                elif r < 0.084 and self.step > n * 0.3:
                    res = self.bump()
                    if res is None:
                        changes, msg = self.plain_change(author)
                    else:
                        (changes, msg), bot = res, True
                elif r < 0.092:
                    changes, msg = self.release(author)
                elif r < 0.0955 and self.step > n * 0.18:
                    changes, msg = self.data_refresh(author)
                elif r < 0.0985:
                    changes, msg = self.binaries(author)
                elif r < 0.1 and "third_party/googleapis" in self.tree:
                    f = self.gitlink()
                    self.put("third_party/googleapis", f)
                    changes, msg = [("third_party/googleapis", f)], "chore(deps): bump googleapis submodule\n"
                else:
                    changes, msg = self.plain_change(author)
            if not changes:
                changes, msg = self.plain_change(author)
            committer = AUTHORS[0] if not bot and author is not AUTHORS[0] and R.random() < 0.08 else None
            self.main_tip = self.commit("refs/heads/main", BOT if bot else author, msg, changes, parent=None,
                                        committer=committer)
            if msg.startswith("chore(release)"):
                v = msg.split()[1]
                self.out.write(b"tag v%s\nfrom :%d\ntagger %s\ndata %d\nRelease %s\n\n"
                               % (v.encode(), self.main_tip, self.ident(author, *self.when(author)).encode(),
                                  len(v) + 9, v.encode()))
        self.out.write(b"done\n")


def bump_version(v):
    parts = [int(x) if x.isdigit() else 0 for x in v.split(".")[:3]] + [0, 0, 0]
    r = R.random()
    if r < 0.7:
        parts[2] += R.randint(1, 3)
    elif r < 0.95:
        parts[1] += 1
        parts[2] = 0
    else:
        parts[0] += 1
        parts[1] = parts[2] = 0
    return ".".join(map(str, parts[:3]))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate-repo.py COMMITS SEED | git fast-import")
    commits, seed = int(sys.argv[1]), int(sys.argv[2])
    if commits < 50:
        sys.exit("generate-repo.py: COMMITS must be at least 50")
    R.seed(seed)
    init_words()
    Gen(commits).run()


if __name__ == "__main__":
    main()
