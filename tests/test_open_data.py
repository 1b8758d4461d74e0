"""The open data (`/api/v1/…`, web/api.py) through the app server's routes and middleware:
every JSON shape validates against its schema in docs/schemas/, CORS is open for GET, 304 on
`If-None-Match`, unknown codes and versions are 404 JSON, and the downloads at fixed
addresses are the dashboard's files."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from openpyxl import load_workbook
from referencing import Registry, Resource

from tests.asgi_client import AsgiClient, Reply, web_client
from tests.conftest import REPOSITORY_ROOT
from tests.test_answer_page import Dated, dated_version  # noqa: F401  (fixture)
from tests.test_last_checked import cli, sqlite_url  # noqa: F401  (fixtures)
from ui.server.security_headers import security_headers
from web import current

SCHEMAS = REPOSITORY_ROOT / "docs" / "schemas"


def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validate(value: Any, schema: str) -> None:
    """Raise unless `value` fits `docs/schemas/<schema>.schema.json` (formats checked)."""
    contents = REGISTRY.contents(f"{schema}.schema.json")
    Draft202012Validator(contents, registry=REGISTRY,
                         format_checker=FormatChecker()).validate(value)


@pytest.fixture
def client() -> Iterator[AsgiClient]:
    current.forget()
    with web_client() as made:
        yield made


def as_json(reply: Reply) -> Any:
    assert reply.status == 200, reply.text
    assert reply.headers["content-type"] == "application/json"
    assert reply.headers["access-control-allow-origin"] == "*"
    assert reply.headers["cache-control"] == "public, max-age=60"
    for name, value in security_headers():
        assert reply.headers[name.decode()] == value.decode()
    return json.loads(reply.body)


def test_every_schema_is_in_the_repository() -> None:
    assert {path.name for path in SCHEMAS.glob("*.json")} == {
        "answer.schema.json", "municipalities.schema.json", "version.schema.json",
        "versions.schema.json"}


def test_a_schema_refuses_a_wrong_shape(client: AsgiClient) -> None:
    answer = as_json(client.get("/api/v1/gemeenten/GM0363"))
    validate(answer, "answer")
    with pytest.raises(ValidationError, match="'covered' is not one of"):
        validate({**answer, "status": "covered"}, "answer")
    answer["calls"][0]["phones"][0]["e164"] = "033 - 448 11 86"
    with pytest.raises(ValidationError, match="does not match"):
        validate(answer, "answer")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_one_municipality(client: AsgiClient, language: str) -> None:
    answer = as_json(client.get(f"/api/v1/gemeenten/GM0228?lang={language}"))
    validate(answer, "answer")
    assert answer["language"] == language
    assert answer["municipality"]["code"] == "GM0228"
    assert [call["organisation"] for call in answer["calls"]] == ["MEE-Veluwe", "Moviera"]
    assert as_json(client.get("/api/v1/gemeenten/gm0228"))["language"] == "nl"


def test_every_municipality_and_every_version(client: AsgiClient) -> None:
    everything = as_json(client.get("/api/v1/gemeenten"))
    validate(everything, "municipalities")
    assert len(everything["municipalities"]) == 342
    assert everything["version"]["number"] == 2
    listed = as_json(client.get("/api/v1/versies"))
    validate(listed, "versions")
    assert [version["number"] for version in listed["versions"]] == [2, 1]
    assert (listed["newest"], listed["database"]) == (2, "answering")
    for version in listed["versions"]:
        one = as_json(client.get(f"/api/v1/versies/{version['number']}"))
        validate(one, "version")
        assert one == version
        older = as_json(client.get(one["links"]["municipalities"]))
        validate(older, "municipalities")
        assert older["version"]["number"] == version["number"]
        assert {answer["version"]["number"] for answer in older["municipalities"]} == {
            version["number"]}
    assert as_json(client.get("/api/v1/versies/nieuwste"))["number"] == 2
    first = as_json(client.get("/api/v1/versies/1/gemeenten/GM0228"))
    validate(first, "answer")
    assert first["snapshot"] == "earlier"


@pytest.mark.parametrize("path", ["/api/v1/gemeenten/GM9999", "/api/v1/gemeenten/amsterdam",
                                  "/api/v1/versies/7", "/api/v1/versies/²",
                                  "/api/v1/versies/7/gemeenten",
                                  "/api/v1/versies/nieuwste/gemeenten.pdf"])
def test_unknown_is_404_json(client: AsgiClient, path: str) -> None:
    reply = client.get(path)
    assert reply.status == 404
    assert set(json.loads(reply.body)) == {"error"}
    assert reply.headers["access-control-allow-origin"] == "*"
    assert reply.headers["cache-control"] == "no-store"


def test_cors_preflight_and_not_modified(client: AsgiClient) -> None:
    preflight = client.get("/api/v1/gemeenten/GM0363", method="OPTIONS")
    assert preflight.status == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    assert "If-None-Match" in preflight.headers["access-control-allow-headers"]
    for path in ["/api/v1/gemeenten/GM0363", "/api/v1/gemeenten", "/api/v1/versies",
                 "/api/v1/versies/1", "/api/v1/versies/nieuwste/gemeenten.csv"]:
        first = client.get(path)
        again = client.get(path, {"If-None-Match": first.headers["etag"]})
        assert (again.status, again.body) == (304, b""), path
        assert again.headers["access-control-allow-origin"] == "*"
    english = client.get("/api/v1/gemeenten/GM0363?lang=en")
    assert english.headers["etag"] != client.get("/api/v1/gemeenten/GM0363").headers["etag"]


def test_the_downloads_at_fixed_addresses(client: AsgiClient, tmp_path: Path) -> None:
    table = client.get("/api/v1/versies/nieuwste/gemeenten.csv")
    assert table.status == 200 and table.headers["content-type"] == "text/csv; charset=utf-8"
    assert table.headers["content-disposition"] == (
        'attachment; filename="gemeenten-versie-2.csv"')
    assert table.headers["access-control-allow-origin"] == "*"
    rows = list(csv.reader(io.StringIO(table.body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Code", "Gemeente"] and len(rows) == 343
    assert table.body == client.get("/api/v1/versies/2/gemeenten.csv").body
    english = client.get("/api/v1/versies/1/gemeenten.csv?lang=en").body.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(english)))[:2] == ["Code", "Municipality"]

    workbook = client.get("/api/v1/versies/nieuwste/gemeenten.xlsx")
    assert workbook.status == 200
    path = tmp_path / "gemeenten.xlsx"
    path.write_bytes(workbook.body)
    sheet = load_workbook(path).active
    assert sheet.max_row == 343 and sheet.cell(1, 1).value == "Code"

    shapes = client.get("/api/v1/versies/nieuwste/gemeenten.geojson")
    assert shapes.headers["content-type"] == "application/geo+json"
    features = json.loads(shapes.body)["features"]
    assert len(features) == 342
    assert {feature["properties"]["code"] for feature in features} >= {"GM0363", "GM0193"}


def test_the_check_availability_and_routes_fit_the_schema(
        dated_version: Dated, client: AsgiClient) -> None:  # noqa: F811
    answer = as_json(client.get("/api/v1/gemeenten/GM0599"))
    validate(answer, "answer")
    assert answer["version"]["number"] == 3
    first = answer["calls"][0]
    assert (first["verified_on"], first["verified_by"], first["due_for_check"]) == (
        dated_version.day.isoformat(), "anna", False)
    assert first["after_hours_phone"] == {"display": "010 - 123 45 67", "e164": "+31101234567"}
    assert (first["opening_hours"], first["email"]) == ("ma–vr 08:00–19:00 <b>", "zorg@shop.nl")
    assert answer["coordinators"][0]["verified_on"] == dated_version.day.isoformat()
    assert (answer["fallback"]["verified_on"], answer["fallback"]["due_for_check"]) == (
        None, True)
    assert [route["phone"]["e164"] for route in answer["national_routes"]] == [
        "+319008844", "+318005151", "112"]
    assert answer["check"]["months"] == 12
    validate(as_json(client.get("/api/v1/gemeenten")), "municipalities")


@pytest.mark.parametrize(("change", "message"), [
    (lambda answer: answer["calls"][0].update(verified_on="3 december 2026"),
     "is not a 'date'"),
    (lambda answer: answer["calls"][0].pop("due_for_check"), "'due_for_check' is a required"),
    (lambda answer: answer["fallback"].update(verified_by=""), "should be non-empty"),
    (lambda answer: answer["calls"][0].update(website="http://example.nl"), "does not match"),
    (lambda answer: answer["calls"][0].update(after_hours_phone={"display": "x"}),
     "is not valid under any of the given schemas"),
    (lambda answer: answer.pop("national_routes"), "'national_routes' is a required"),
    (lambda answer: answer["national_routes"][0]["phone"].update(e164="0900-8844"),
     "does not match"),
    (lambda answer: answer["check"].update(months=0), "is less than the minimum"),
    (lambda answer: answer["calls"][0].update(checked_by="anna"),
     "Additional properties are not allowed"),
])
def test_the_schema_is_strict_on_the_new_fields(client: AsgiClient, change: Any,
                                               message: str) -> None:
    answer = as_json(client.get("/api/v1/gemeenten/GM0363"))
    validate(answer, "answer")
    change(answer)
    with pytest.raises(ValidationError, match=message):
        validate(answer, "answer")
