"""Readability works offline and never tries to download anything.

Recent textstat releases fetch NLTK's cmudict on first use, which fails (or hangs) without a
network. The check runs in a fresh interpreter, so that textstat is imported and its
dictionaries are loaded under the guards: an audit hook refuses every socket connection,
name lookup and URL request, NLTK's downloader is replaced by one that fails, and NLTK's
data path points at an empty folder (so a textstat that relied on NLTK data would have to
download it). Every formula the rules offer is computed under these guards.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GUARDED = textwrap.dedent(
    """
    import json, os, sys

    attempts = []
    BLOCKED = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
               "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"}

    def audit(event, args):
        if event in BLOCKED:
            attempts.append(event)
            raise OSError("network access blocked by test_no_download: " + event)

    sys.addaudithook(audit)

    try:
        import nltk
        import nltk.downloader
    except ImportError:
        pass
    else:
        def refuse(*args, **kwargs):
            attempts.append("nltk.download")
            raise RuntimeError("nltk.download called")
        nltk.download = refuse
        nltk.downloader.download = refuse
        nltk.downloader.Downloader.download = refuse
        nltk.data.path[:] = [os.environ["NLTK_DATA"]]

    import rules.readability as rd
    lazy = "textstat" not in sys.modules

    from lint.document import Document
    from lint.rule import RunContext

    text = sys.stdin.read()
    doc = Document.from_text("draft.md", text)
    out = {"lazy": lazy, "scores": {}, "errors": {}, "metrics": None}
    try:
        out["metrics"] = rd.DraftReadability(RunContext()).metrics(doc)
    except BaseException as exc:
        out["errors"]["metrics"] = type(exc).__name__ + ": " + str(exc)
    for name in sorted(rd.FORMULAS):
        for cls in (rd.DraftReadability, rd.ParagraphReadability):
            try:
                rule = cls(RunContext(options={"formula": name, "min_words": 1}))
                list(rule.check(doc))
                total = rd.draft_counts(rd.analyse(doc))
                out["scores"][name] = rule.score(total, lambda: rd._joined_text(doc, rd.analyse(doc)))
            except BaseException as exc:
                out["errors"][name] = type(exc).__name__ + ": " + str(exc)
    out["attempts"] = attempts
    out["textstat"] = getattr(sys.modules.get("textstat"), "__file__", None)
    print(json.dumps(out))
    """
)

DRAFT = (
    "# Flood defences\n\n"
    "The river rose quickly after the storm, and farmers moved their animals to higher ground. "
    "Volunteers filled sandbags outside the village hall until late in the evening.\n\n"
    "Officials said the damage was considerable but that nobody had been injured. The road to "
    "the coast will stay closed until engineers have inspected the bridge.\n"
)


def test_readability_never_touches_the_network(tmp_path: Path) -> None:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "NLTK_DATA": str(empty),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        # Any proxy would be a way out; make sure none is configured.
        "NO_PROXY": "*",
    }
    proc = subprocess.run(
        [sys.executable, "-c", GUARDED],
        input=DRAFT,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["attempts"] == [], f"textstat ({out['textstat']}) tried to reach the network: {out['attempts']}"
    assert out["errors"] == {}
    assert out["lazy"], "importing rules.readability must not import textstat"
    metrics = out["metrics"]
    assert metrics["words"] == 53 and metrics["sentences"] == 4
    assert 5 < metrics["flesch_kincaid_grade"] < 14
    assert 30 < metrics["flesch_reading_ease"] < 90
    assert set(out["scores"]) == {
        "automated_readability_index",
        "coleman_liau_index",
        "dale_chall_readability_score",
        "flesch_kincaid_grade",
        "flesch_reading_ease",
        "gunning_fog",
        "linsear_write_formula",
        "lix",
        "mcalpine_eflaw",
        "rix",
        "smog_index",
        "spache_readability",
        "text_standard",
    }
    assert all(isinstance(v, float) for v in out["scores"].values())


def test_hook_import_does_not_import_textstat() -> None:
    code = "import sys, rules.readability as r; r.lint_article_rules(); print('textstat' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
