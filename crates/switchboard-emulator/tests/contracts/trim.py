"""Regenerates zoom.openapi.json and cxone.openapi.json in this folder from the vendors' OpenAPI files.

Not used by the build or the tests (they read the committed JSON). Run by hand when the specs
change:  python3 trim.py <specs folder>   (the folder holding zoom/ and cxone/).
Keeps only the response schemas of the operations the emulator serves, inlines $refs and drops
descriptions and examples. Needs PyYAML for the CXone file.
"""
import json
import sys
from pathlib import Path

DROP = {"description", "example", "examples", "deprecated", "summary", "title", "default",
        "x-examples", "x-enum-descriptions", "x-field-desc", "allowMultiple", "name"}


def resolve(doc, node, names=False):
    """Inlines $refs and drops documentation keys; `names` marks a `properties` map, whose keys
    are field names and are all kept."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return resolve(doc, target)
        return {k: resolve(doc, v, k == "properties" and not names)
                for k, v in node.items() if names or k not in DROP}
    if isinstance(node, list):
        return [resolve(doc, v) for v in node]
    return node


def schema(doc, method, path, status):
    response = resolve(doc, doc["paths"][path][method]["responses"][status])
    return response.get("content", {}).get("application/json", {}).get("schema")


def excerpt(doc, source, ops, prefix=""):
    return {
        "_source": source,
        "operations": {
            f"{m.upper()} {p[len(prefix):]} {s}": {"schema": schema(doc, m, p, s)} for m, p, s in ops
        },
    }


def main(specs):
    users = json.loads((specs / "zoom/endpoints__accounts_Users.json").read_text())
    phone = json.loads((specs / "zoom/endpoints__workplace_Phone.json").read_text())
    zoom = excerpt(users, "Zoom Users OpenAPI (API hub), trimmed", [
        ("get", "/users", "200"), ("get", "/users/{userId}", "200")])
    zoom["operations"].update(excerpt(phone, "", [
        ("get", "/phone/users", "200"), ("get", "/phone/users/{userId}", "200")])["operations"])
    # The phone user's `policy` object runs to hundreds of settings; keep its type only.
    zoom["operations"]["GET /phone/users/{userId} 200"]["schema"]["properties"]["policy"] = {"type": "object"}
    zoom["_source"] += "; Zoom Phone OpenAPI, trimmed (policy reduced to its type)"
    cc = json.loads((specs / "zoom/endpoints__business_services_Contact_Center.json").read_text())
    zoom["operations"].update(excerpt(cc, "", [
        ("get", "/contact_center/users", "200"), ("get", "/contact_center/users/{userId}", "200")])["operations"])
    zoom["_source"] += "; Zoom Contact Center OpenAPI, trimmed"
    (Path(__file__).parent / "zoom.openapi.json").write_text(json.dumps(zoom, indent=1, ensure_ascii=False) + "\n")

    import yaml
    cx = yaml.safe_load((specs / "cxone/nice_incontact_openapi.yaml").read_text())
    p = "/inContactAPI/services/v34.0"
    ops = [("post", "/auth/token", "200"), ("post", "/auth/token", "400"),
           ("get", "/.well-known/cxone-configuration", "200"),
           ("get", f"{p}/unavailable-codes", "200"), ("get", f"{p}/unavailable-codes", "401"),
           ("get", f"{p}/teams", "200"), ("get", f"{p}/teams/{{teamId}}/unavailable-codes", "200"),
           ("get", f"{p}/agents", "200"), ("get", f"{p}/address-books", "200"),
           ("post", f"{p}/address-books", "200"), ("get", f"{p}/address-books/{{addressBookId}}/entries", "200"),
           ("post", f"{p}/address-books/{{addressBookId}}/entries", "202"),
           ("post", f"{p}/address-books/{{addressBookId}}/assignment", "202")]
    cxone = excerpt(cx, "NICE CXone merged OpenAPI 3.2.0, trimmed", ops)
    # The merged spec declares a team's unavailable codes as an array of arrays, unlike
    # vendor-apis.md section 2.3 and GET /teams/{teamId}/unavailable-codes: keep the flat list.
    team = cxone["operations"][f"GET {p}/teams 200"]["schema"]["properties"]["teams"]["items"]["properties"]
    team["unavailableCodes"] = {
        "_note": "spec says array of arrays; served and checked as a flat list (vendor-apis.md 2.3)",
        "type": "array", "items": team["unavailableCodes"]["items"]["items"]}
    (Path(__file__).parent / "cxone.openapi.json").write_text(json.dumps(cxone, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
