"""``dyads knowledge stats`` and ``dyads knowledge lookup``: the library and the commands."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dyads.cli import app
from dyads.knowledge import load_knowledge
from dyads.knowledge.overview import knowledge_stats, lookup

runner = CliRunner()


def test_stats_count_entries_by_kind_and_source():
    report = knowledge_stats(load_knowledge(()))
    counts = {(e["kind"], e["source"]): e["count"] for e in report["entries"]}
    assert counts[("person", "phoenix")] >= 15_000
    assert counts[("person", "curated")] > 300
    assert report["people_with_dated_roles"]["phoenix"] >= 15_000
    assert report["roles_by_year"]["2019"] > 0


def test_lookup_reads_roles_on_the_date_and_says_why(tmp_path):
    kb = load_knowledge(())
    [envoy] = lookup(kb, "Staffan de Mistura", "2017-05-01")
    assert (envoy["country"], envoy["sector"], envoy["org"]) == (None, "IGO", "UN")
    assert "UN Special Envoy for Syria" in envoy["why"]
    [later] = lookup(kb, "de Mistura", "2020-01-01")
    assert later["country"] == "ITA" and later["roles_on_date"] == []
    imported = lookup(kb, "Rex Hunt", "1981-06-01")
    assert imported[0]["source"].startswith("phoenix Phoenix.Countries.actors.txt:")
    assert imported[0]["sector"] == "GOV"


def test_cli_stats_json_and_lookup_table():
    result = runner.invoke(app, ["knowledge", "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["people_with_dated_roles"]["curated"] > 0
    result = runner.invoke(app, ["knowledge", "lookup", "Jeremy Hunt", "--date", "2019-03-01"])
    assert result.exit_code == 0, result.output
    assert "Foreign Secretary" in result.output and "GBR" in result.output


def test_cli_lookup_bad_date_and_unknown_name_are_one_line_errors():
    result = runner.invoke(app, ["knowledge", "lookup", "Jeremy Hunt", "--date", "March 2019"])
    assert result.exit_code == 2 and "--date" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["knowledge", "lookup", "Nobody Anyone Knows"])
    assert result.exit_code == 1 and "not in the knowledge base" in result.output
