#!/usr/bin/env python3
"""An independent reader of .eln files (ELN Consortium specification, RO-Crate 1.1).

Standard library only (zipfile, json, hashlib): it shares no code with Quire, so a test that
runs it on Quire's export checks the file as another ELN would read it. Usage:

    check_eln.py FILE.eln            prints a JSON summary; exit 0 only when nothing is wrong

The summary holds counts (datasets by genre, files, persons, comments) and "errors", one line
each. Checked: the zip's names (relative, no "..", no backslash or drive, one root folder), the
metadata descriptor (@context, conformsTo, about, version, sdPublisher -> Organization with name
and url, dateCreated), the root Dataset (name, description, datePublished, hasPart), every
hasPart reference resolving to an entity, Datasets existing as folders and Files as files whose
sha256 and contentSize match the bytes, every child Dataset also listed by the root (the
specification's MUST), names, authors as Persons with name and email, keywords as one string,
ISO 8601 dates, every file of the zip described (or, under quire/, listed with its SHA-256 by
quire/quire-manifest.json), and @ids unique.
"""
import hashlib
import json
import re
import sys
import zipfile
from datetime import datetime
from pathlib import PurePosixPath

CONTEXT = "https://w3id.org/ro/crate/1.1/context"
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def is_iso_date(value):
    if not isinstance(value, str) or not ISO_8601.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def ref_ids(value):
    out = []
    for v in as_list(value):
        if isinstance(v, dict) and isinstance(v.get("@id"), str):
            out.append(v["@id"])
        else:
            out.append(None)
    return out


def check(path):
    errors = []
    summary = {"datasets": {}, "files": 0, "persons": 0, "comments": 0, "errors": errors}
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        names = [i.filename for i in infos]
        if len(set(n.lower() for n in names)) != len(names):
            errors.append("two names in the zip differ only in case, or repeat")
        roots = set()
        for n in names:
            p = PurePosixPath(n)
            if n.startswith("/") or "\\" in n or ".." in p.parts or re.match(r"^[A-Za-z]:", n):
                errors.append(f"unsafe name in the zip: {n!r}")
            if any(ord(c) < 32 or c in '<>:"|?*' for c in n):
                errors.append(f"name with a character some systems refuse: {n!r}")
            if len(p.parts) == 1 and not n.endswith("/"):
                errors.append(f"file outside the root folder: {n!r}")
            if p.parts:
                roots.add(p.parts[0])
        if len(roots) != 1:
            return summary | {"errors": errors + [f"not exactly one root folder: {sorted(roots)}"]}
        root = roots.pop()
        summary["root"] = root
        files = {i.filename[len(root) + 1:]: i for i in infos
                 if not i.is_dir() and i.filename.startswith(root + "/")}
        folders = set()
        for name in list(files) + [i.filename[len(root) + 1:] for i in infos if i.is_dir()]:
            parts = PurePosixPath(name).parts
            for k in range(1, len(parts) + (1 if name.endswith("/") else 0)):
                folders.add("/".join(parts[:k]) + "/")
        if "ro-crate-metadata.json" not in files:
            return summary | {"errors": errors + ["no ro-crate-metadata.json in the root folder"]}
        meta = json.loads(z.read(files["ro-crate-metadata.json"]))

        ctx = meta.get("@context")
        if ctx != CONTEXT and not (isinstance(ctx, list) and CONTEXT in ctx):
            errors.append(f"@context is not {CONTEXT}: {ctx!r}")
        graph = meta.get("@graph")
        if not isinstance(graph, list):
            return summary | {"errors": errors + ["@graph is not a list"]}
        entities = {}
        for node in graph:
            nid = node.get("@id") if isinstance(node, dict) else None
            if not isinstance(nid, str):
                errors.append(f"a node without @id: {node!r:.80}")
                continue
            if nid in entities:
                errors.append(f"@id {nid} occurs twice")
            if "@type" not in node:
                errors.append(f"{nid} has no @type")
            entities[nid] = node

        def types(node):
            return as_list(node.get("@type"))

        def resolve(owner, key, value, want_type=None):
            for rid in ref_ids(value):
                if rid is None:
                    errors.append(f"{owner}: {key} is not an {{'@id': …}} reference")
                elif rid not in entities:
                    errors.append(f"{owner}: {key} names {rid}, which is not in the graph")
                elif want_type and want_type not in types(entities[rid]):
                    errors.append(f"{owner}: {key} names {rid}, which is not a {want_type}")

        # The metadata descriptor.
        d = entities.get("ro-crate-metadata.json")
        if not d:
            errors.append("no metadata descriptor (@id ro-crate-metadata.json)")
        else:
            if "CreativeWork" not in types(d):
                errors.append("the descriptor is not a CreativeWork")
            if ref_ids(d.get("about")) != ["./"]:
                errors.append("the descriptor is not about ./")
            conforms = ref_ids(d.get("conformsTo"))
            if not conforms or not str(conforms[0]).startswith("https://w3id.org/ro/crate/1.1"):
                errors.append(f"conformsTo is not RO-Crate 1.1: {d.get('conformsTo')!r}")
            if not isinstance(d.get("version"), str) or not d.get("version"):
                errors.append("the descriptor has no version")
            if not is_iso_date(d.get("dateCreated")):
                errors.append(f"the descriptor's dateCreated is not ISO 8601: {d.get('dateCreated')!r}")
            publisher = ref_ids(d.get("sdPublisher"))
            if len(publisher) != 1 or publisher[0] not in entities:
                errors.append("sdPublisher does not name an entity of the graph")
            else:
                org = entities[publisher[0]]
                if "Organization" not in types(org) or not org.get("name") or not org.get("url"):
                    errors.append("sdPublisher is not an Organization with a name and a url")
                summary["publisher"] = org.get("name")

        # The root Dataset.
        r = entities.get("./")
        if not r:
            return summary | {"errors": errors + ["no root Dataset ./"]}
        if "Dataset" not in types(r):
            errors.append("./ is not a Dataset")
        for key in ("name", "description"):
            if not isinstance(r.get(key), str) or not r.get(key):
                errors.append(f"./ has no {key}")
        if not is_iso_date(r.get("datePublished")):
            errors.append(f"./ datePublished is not ISO 8601: {r.get('datePublished')!r}")
        root_parts = set(ref_ids(r.get("hasPart")))
        resolve("./", "hasPart", r.get("hasPart"))

        # Every entity, and what it names.
        described = set()
        for nid, node in entities.items():
            t = types(node)
            if nid in ("./", "ro-crate-metadata.json"):
                continue
            for key in ("author", "creator", "publisher"):
                if key in node:
                    resolve(nid, key, node[key], "Person" if key != "publisher" else None)
            for key in ("dateCreated", "dateModified", "datePublished"):
                if key in node and not is_iso_date(node[key]):
                    errors.append(f"{nid}: {key} is not ISO 8601: {node[key]!r}")
            if "keywords" in node and not isinstance(node["keywords"], str):
                errors.append(f"{nid}: keywords is not one comma-separated string")
            if "comment" in node:
                resolve(nid, "comment", node["comment"], "Comment")
            if "Dataset" in t:
                genre = node.get("genre", "")
                summary["datasets"][genre] = summary["datasets"].get(genre, 0) + 1
                if not isinstance(node.get("name"), str) or not node["name"]:
                    errors.append(f"Dataset {nid} has no name")
                if "author" not in node:
                    errors.append(f"Dataset {nid} has no author")
                if not nid.startswith("./") or not nid.endswith("/"):
                    errors.append(f"Dataset {nid} is not a folder id ./…/")
                elif nid[2:] not in folders:
                    errors.append(f"Dataset {nid} is not a folder of the zip")
                if nid not in root_parts:
                    errors.append(f"Dataset {nid} is not listed in the root's hasPart")
                resolve(nid, "hasPart", node.get("hasPart"))
                for child in ref_ids(node.get("hasPart")):
                    if child in entities and "Dataset" in types(entities[child]) and child not in root_parts:
                        errors.append(f"child Dataset {child} of {nid} is not in the root's hasPart")
            if "File" in t:
                summary["files"] += 1
                rel = nid[2:] if nid.startswith("./") else nid
                described.add(rel)
                for key in ("name", "encodingFormat", "contentSize", "sha256"):
                    if not isinstance(node.get(key), str) or not node[key]:
                        errors.append(f"File {nid} has no {key}")
                if rel not in files:
                    errors.append(f"File {nid} is not in the zip")
                    continue
                data = z.read(files[rel])
                if node.get("contentSize") != str(len(data)):
                    errors.append(f"File {nid}: contentSize {node.get('contentSize')} but {len(data)} bytes")
                if node.get("sha256") != hashlib.sha256(data).hexdigest():
                    errors.append(f"File {nid}: sha256 does not match its bytes")
                if not is_iso_date(node.get("dateCreated")):
                    errors.append(f"File {nid}: dateCreated missing or not ISO 8601")
            if "Person" in t:
                summary["persons"] += 1
                if not node.get("name") or not node.get("email"):
                    errors.append(f"Person {nid} lacks a name or an email")
            if "Comment" in t:
                summary["comments"] += 1
                if not node.get("text"):
                    errors.append(f"Comment {nid} has no text")

        # Reachability: every File is the part of some Dataset.
        parts = set()
        for node in entities.values():
            parts.update(ref_ids(node.get("hasPart")))
        for rel in described:
            if "./" + rel not in parts:
                errors.append(f"File ./{rel} is no Dataset's part")

        # Every file of the zip is described, or listed by Quire's manifest under quire/.
        manifest = {}
        if "quire/quire-manifest.json" in files:
            m = json.loads(z.read(files["quire/quire-manifest.json"]))
            manifest = {f["name"]: f["sha256"] for f in m.get("files", [])}
        for rel, info in files.items():
            if rel == "ro-crate-metadata.json" or rel in described:
                continue
            if rel.startswith("quire/") and rel[6:] in manifest:
                if hashlib.sha256(z.read(info)).hexdigest() != manifest[rel[6:]]:
                    errors.append(f"{rel}: SHA-256 differs from quire-manifest.json")
                continue
            errors.append(f"{rel} is in the zip but described nowhere")
    return summary


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    result = check(sys.argv[1])
    print(json.dumps(result, indent=1, sort_keys=True))
    sys.exit(1 if result["errors"] else 0)
