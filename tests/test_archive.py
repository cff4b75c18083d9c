"""dsfact archive on a Dask LocalCluster: the same records as `dsfact check --format jsonl`, and --resume."""
import contextlib
import io
import json
import os
import random

import pytest

pytest.importorskip("distributed")

from dsfact.cli import main  # noqa: E402

# Sentences of our own, with the bundled registry's figures right and wrong, and figures it does not know.
EN = [
    "The lab says its V3 model was trained on {gpus} Nvidia H800 chips.",
    "DeepSeek put the cost of the final training run at ${cost} million.",
    "On January 27 Nvidia's shares closed down {drop}%.",
    "Nvidia lost ${cap} billion of market value that day.",
    "The city added {n} new buses to its fleet this spring.",
    "Nothing in this paragraph states a figure at all.",
]
ZH = [
    "深度求索表示，V3模型用了{gpus}塊H800晶片訓練。",
    "英偉達周一市值蒸發{cap0}億美元。",
    "英偉達股價收市下跌{drop}%。",
    "本區上月新增{n}個公園座椅。",
]
CHOICES = {"gpus": ["2,048", "4,096"], "cost": ["5.6", "8"], "drop": ["17", "27"], "cap": ["589", "465"],
           "cap0": ["5890", "4650"]}


def _document(rng: random.Random) -> tuple[str, str]:
    zh = rng.random() < 0.4
    sentences = []
    for _ in range(rng.randint(1, 3)):
        template = rng.choice(ZH if zh else EN)
        values = {k: rng.choice(v) for k, v in CHOICES.items()}
        sentences.append(template.format(n=rng.randint(2, 900), **values))
    return ("txt" if zh else "md"), ("" if zh else " ").join(sentences) + "\n"


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory):
    """A few thousand small documents in a directory tree, and the same documents as a JSON Lines export."""
    root = tmp_path_factory.mktemp("archive")
    docs = root / "docs"
    rng = random.Random(13)
    records = []
    for k in range(2400):
        ext, text = _document(rng)
        folder = docs / f"{2020 + k % 5}" / f"{k % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"story-{k:04d}.{ext}"
        path.write_text(text, encoding="utf-8")
        records.append({"id": str(path), "text": text, "date": "2025-01-27", "url": f"https://example.org/{k}"})
    export = root / "export.jsonl"
    export.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return docs, export


@pytest.fixture(scope="module")
def cluster():
    """Two workers, threads in this process: fast to start, and the registry still travels by the plugin."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0",
                      protocol="tcp") as c:
        yield c


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def records(out_dir) -> list[dict]:
    lines = []
    for part in sorted(out_dir.glob("part-*.jsonl")):
        lines.extend(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines())
    return lines


@pytest.fixture(scope="module")
def local_check(archive_dir):
    docs, _ = archive_dir
    code, text = run("check", "--format", "jsonl", "--no-config", str(docs))
    return code, [json.loads(line) for line in text.splitlines()]


def test_archive_of_a_tree_equals_check_jsonl(archive_dir, cluster, local_check, tmp_path):
    docs, _ = archive_dir
    code, text = run("archive", str(docs), "--scheduler", cluster.scheduler_address, "--out", str(tmp_path / "out"),
                     "--partition-size", "150", "--no-config")
    check_code, expected = local_check
    got = records(tmp_path / "out")
    assert len(got) == 2400
    assert sorted(got, key=lambda r: r["path"]) == sorted(expected, key=lambda r: r["path"])
    assert sum(len(r["findings"]) for r in got) > 1000  # the documents do state registered figures
    assert code == check_code == 1  # some are contradicted
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["documents"] == 2400 and summary["partitions"] == 16 and summary["errors"] == 0
    assert summary["findings"]["contradicted"] == sum(f["verdict"] == "contradicted" for r in got for f in r["findings"])
    assert summary["workers"] == 2
    assert "2400 documents in 16 partitions" in text


@pytest.fixture(scope="module")
def local_check_dated(archive_dir):
    """check of the tree with the date each record of the export gives (its "date")."""
    docs, _ = archive_dir
    code, text = run("check", "--format", "jsonl", "--no-config", "--date", "2025-01-27", str(docs))
    return code, [json.loads(line) for line in text.splitlines()]


def test_archive_of_a_jsonl_export_equals_check_jsonl(archive_dir, cluster, local_check_dated, tmp_path):
    _, export = archive_dir
    code, _ = run("archive", str(export), "--scheduler", cluster.scheduler_address, "--out", str(tmp_path / "out"),
                  "--partition-size", "500", "--no-config", "--fail-on", "never")
    got = records(tmp_path / "out")
    # each record's id is the file's path, so the records are check's own; they come in the export's order
    assert [r["path"] for r in got] == [json.loads(line)["id"] for line in export.read_text("utf-8").splitlines()]
    # ... checked with the record's "date" as check --date gives it
    assert sorted(got, key=lambda r: r["path"]) == sorted(local_check_dated[1], key=lambda r: r["path"])
    assert code == 0  # --fail-on never


def test_resume_skips_partitions_already_written(archive_dir, cluster, tmp_path):
    docs, _ = archive_dir
    out = tmp_path / "out"
    args = ("archive", str(docs), "--scheduler", cluster.scheduler_address, "--out", str(out),
            "--partition-size", "400", "--no-config")
    assert run(*args)[0] == 1
    first = {p.name: p.read_text(encoding="utf-8") for p in out.glob("part-*.jsonl")}
    assert len(first) == 6
    # a stopped run: two partitions never written, one half-written temporary file left behind
    (out / "part-00002.jsonl").unlink()
    (out / "part-00005.jsonl").unlink()
    (out / ".part-00005.jsonl.999.tmp").write_text("{\"half\": ", encoding="utf-8")
    # a partition that is already there is not checked again: mark one to see that it is kept as it is
    kept = records_of(first["part-00000.jsonl"])[:1]
    (out / "part-00000.jsonl").write_text(json.dumps(kept[0]) + "\n", encoding="utf-8")

    assert run(*args)[0] == 2  # without --resume, an earlier run's directory is refused

    code, text = run(*args, "--resume")
    assert code == 1
    assert (out / "part-00000.jsonl").read_text(encoding="utf-8") == json.dumps(kept[0]) + "\n"
    for name in ("part-00002.jsonl", "part-00005.jsonl"):
        assert (out / name).read_text(encoding="utf-8") == first[name]
    assert not list(out.glob(".*.tmp"))
    summary = json.loads((out / "summary.json").read_text())
    assert summary["resumed_partitions"] == 4
    assert summary["documents"] == 2000 + 1  # the marked partition now holds one record
    assert "(4 resumed)" in text


def records_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_resume_refuses_another_partition_size(archive_dir, cluster, tmp_path):
    docs, _ = archive_dir
    base = ("archive", str(docs), "--scheduler", cluster.scheduler_address, "--out", str(tmp_path / "out"),
            "--no-config")
    assert run(*base, "--partition-size", "1200")[0] == 1
    assert run(*base, "--partition-size", "1000", "--resume")[0] == 2


def test_bad_records_and_sources_are_one_line_errors(cluster, tmp_path, capsys):
    export = tmp_path / "bad.jsonl"
    export.write_text('{"id": "a", "text": "Nvidia lost $589 billion of market value."}\n'
                      "not json\n\n"
                      '{"id": "c"}\n', encoding="utf-8")
    code, _ = run("archive", str(export), "--scheduler", cluster.scheduler_address, "--out", str(tmp_path / "out"))
    assert code == 2
    err = capsys.readouterr().err
    assert f"{export}:2: not a JSON record" in err and f"{export}:4: not a JSON record" in err
    assert "Traceback" not in err
    got = records(tmp_path / "out")
    assert [r["path"] for r in got] == ["a", f"{export}:2", f"{export}:4"]
    assert got[0]["findings"][0]["verdict"] == "supported"
    # resumed, the partitions already written are counted from their records, errors included
    code, text = run("archive", str(export), "--scheduler", cluster.scheduler_address, "--out", str(tmp_path / "out"),
                     "--resume")
    assert code == 2 and "(1 resumed): 1 supported" in text
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["errors"] == 2
    assert run("archive", str(tmp_path / "missing"), "--out", str(tmp_path / "o2"))[0] == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_local_scheduler_starts_its_own_cluster(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("DeepSeek trained V3 on 2,048 Nvidia H800 chips.\n", encoding="utf-8")
    code, text = run("archive", str(tmp_path / "docs"), "--scheduler", "local", "--workers", "1",
                     "--out", str(tmp_path / "out"), "--no-config")
    assert code == 0
    assert [f["claim"] for f in records(tmp_path / "out")[0]["findings"]] == ["C07"]


def test_a_tree_is_walked_as_check_walks_it(tmp_path, cluster):
    """Hidden and git-ignored files are left out unless --hidden / --no-ignore, as in check."""
    docs = tmp_path / "docs"
    (docs / ".drafts").mkdir(parents=True)
    (docs / ".git").mkdir()  # a repository root, so that .gitignore applies
    (docs / ".gitignore").write_text("old/\n", encoding="utf-8")
    (docs / "old").mkdir()
    text = "DeepSeek trained V3 on 2,048 Nvidia H800 chips.\n"
    for rel in ("a.md", ".drafts/b.md", "old/c.md"):
        (docs / rel).write_text(text, encoding="utf-8")
    base = ("archive", str(docs), "--scheduler", cluster.scheduler_address, "--no-config")
    run(*base, "--out", str(tmp_path / "o1"))
    assert [r["path"] for r in records(tmp_path / "o1")] == [str(docs / "a.md")]
    run(*base, "--hidden", "--no-ignore", "--out", str(tmp_path / "o2"))
    assert sorted(r["path"] for r in records(tmp_path / "o2")) == sorted(
        str(docs / rel) for rel in (".drafts/b.md", "a.md", "old/c.md"))


def test_a_full_disk_leaves_no_temporary_file(tmp_path, monkeypatch):
    from dsfact.archive import write_atomically

    target = tmp_path / "part-00000.jsonl"
    target.write_text("before\n", encoding="utf-8")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        write_atomically(target, "after\n")
    assert target.read_text(encoding="utf-8") == "before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["part-00000.jsonl"]


def test_a_symlink_at_the_temporary_name_is_not_followed(tmp_path):
    from dsfact.archive import write_atomically

    victim = tmp_path / "victim"
    victim.write_text("keep\n", encoding="utf-8")
    target = tmp_path / "out" / "summary.json"
    target.parent.mkdir()
    (target.parent / f".summary.json.{os.getpid()}.tmp").symlink_to(victim)
    write_atomically(target, "{}\n")
    assert victim.read_text(encoding="utf-8") == "keep\n" and target.read_text(encoding="utf-8") == "{}\n"
