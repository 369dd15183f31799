"""What an import did, post by post, and in total."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .links import Rewriting
from .output import Writer


@dataclass
class PostReport:
    """One post: what was converted, what was left in place, what is missing."""

    source: Path
    output: Path
    problems: list[str]
    done: Counter[str] = field(default_factory=Counter)
    left: list[tuple[int, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    dead: list[str] = field(default_factory=list)
    old_site: list[str] = field(default_factory=list)
    copies: dict[Path, Path] = field(default_factory=dict)
    built: list[tuple[int, str]] = field(default_factory=list)  # the build's warnings

    def absorb(self, done: Counter[str], rewriting: Rewriting) -> None:
        """Take the counts of the conversion and the links' outcome."""
        self.done.update({k: v for k, v in done.items() if v})
        self.missing += rewriting.missing
        self.dead += rewriting.dead
        self.old_site += rewriting.old_site

    def troubles(self) -> list[str]:
        """What went wrong with this post, one line each; empty if nothing did."""
        said = [f"  problem: {p}" for p in self.problems]
        said += [
            f"  {self.output}:{line}: not converted, set aside: {text}" for line, text in self.left
        ]
        said += [f"  missing file: {m}" for m in self.missing]
        said += [f"  link to no imported post: {d}" for d in self.dead]
        said += [f"  {self.output}:{n}: build: {text}" for n, text in self.built]
        return said

    def lines(self) -> list[str]:
        """The report's lines for this post: what was converted, then what was not."""
        done = ", ".join(f"{k} {v}" for k, v in sorted(self.done.items()))
        return [f"{self.source} → {self.output}" + (f" (converted: {done})" if done else "")]


@dataclass
class Report:
    """Every post's report and the totals."""

    engine: str
    dry_run: bool = False
    posts: list[PostReport] = field(default_factory=list)
    failures: list[tuple[Path, str]] = field(default_factory=list)
    writer_: Writer | None = None
    checked: bool = False  # whether the project was built to find warnings
    translations: int = 0  # a multilingual site's posts in other languages, left out

    def writer(self, docs: Path, force: bool) -> Writer:
        """The writer this import uses (it does nothing on a dry run)."""
        self.writer_ = Writer(docs, dry_run=self.dry_run, force=force)
        return self.writer_

    def post(self, source: Path, output: Path, problems: list[str]) -> PostReport:
        """Start the report of one post."""
        self.posts.append(PostReport(source, output, list(problems)))
        return self.posts[-1]

    def failed(self, source: Path, reason: str) -> None:
        """A post that could not be read at all."""
        self.failures.append((source, reason))

    def text(self) -> str:
        """The report as printed."""
        lines = [f"{s}: not imported: {reason}" for s, reason in self.failures]
        for post in self.posts:
            lines += post.lines() + post.troubles()
        done: Counter[str] = Counter()
        for post in self.posts:
            done.update(post.done)
        writer = self.writer_
        verb = "would write" if self.dry_run else "wrote"
        lines.append(
            f"{self.engine}: {len(self.posts)} posts read, {len(self.failures)} not readable; "
            f"{verb} {len(writer.written) if writer else 0} files, "
            f"{len(writer.unchanged) if writer else 0} unchanged"
        )
        if self.translations:
            lines.append(
                f"translations into other languages than the publication's, left out: "
                f"{self.translations}"
            )
        if done:
            lines.append("converted: " + ", ".join(f"{k} {v}" for k, v in sorted(done.items())))
        left = sum(len(p.left) for p in self.posts)
        missing = sum(len(p.missing) for p in self.posts)
        dead = sum(len(p.dead) for p in self.posts)
        old = sum(len(p.old_site) for p in self.posts)
        built = sum(len(p.built) for p in self.posts)
        if self.checked:
            lines.append(
                f"build warnings in imported articles: {built} (each above, with what to do)"
            )
        lines.append(
            f"set aside (not converted): {left}; missing files: {missing}; dead links: {dead}; "
            f"links to other pages of the old site, kept pointing there: {old}"
        )
        if writer and writer.kept:
            lines.append(
                f"kept {len(writer.kept)} files edited since the last import "
                f"(--force overwrites them): " + ", ".join(writer.kept[:10])
            )
        return "\n".join(lines)
