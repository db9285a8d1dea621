"""Output files: atomic replacement, interrupted writes, inputs protected."""
import os
import signal
import subprocess
import sys
import time

import pytest

from drafter.errors import DrafterError
from drafter.writers.output import write_atomic


def test_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "bai.docx"
    target.write_bytes(b"old")

    def interrupted(fd, *args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C while the new bytes are being written

    monkeypatch.setattr(os, "fdopen", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai.docx"]


def test_failed_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "bai.txt"

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DrafterError) as info:
        write_atomic(target, "mới")
    assert "Permission denied" in info.value.format("en")
    assert list(tmp_path.iterdir()) == []


def test_killed_process_leaves_old_or_new_never_half(tmp_path):
    """Kill a writer in a loop at random moments: the file is always one whole version."""
    target = tmp_path / "bai.txt"
    old, new = "A" * 2_000_000, "B" * 2_000_000
    target.write_text(old, encoding="utf-8")
    code = ("from drafter.writers.output import write_atomic\n"
            f"while True: write_atomic({str(target)!r}, 'B' * 2_000_000, durable=False)\n")
    for delay in (0.05, 0.1, 0.2):
        proc = subprocess.Popen([sys.executable, "-c", code])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = target.read_text(encoding="utf-8")
        assert content in (old, new)
    leftovers = [p for p in tmp_path.iterdir() if p.name != "bai.txt"]
    assert all(p.name.startswith(".bai.txt.") for p in leftovers)  # a killed process cannot clean up


def test_input_is_never_overwritten_even_through_a_link(tmp_path):
    source = tmp_path / "su-kien.yaml"
    source.write_text("kind: dai-hoi\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(source)
    with pytest.raises(DrafterError):
        write_atomic(link, "x", inputs=(source,))
    assert source.read_text(encoding="utf-8") == "kind: dai-hoi\n"
