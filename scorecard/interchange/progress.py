"""A progress bar for the command line: rows done, rows per second and time left."""

import sys
import time


class ProgressBar:
    def __init__(self, label: str, stream=None, width: int = 30, every: float = 0.2):
        self.label, self.stream, self.width, self.every = label, stream or sys.stderr, width, every
        self.started = time.monotonic()
        self.last_drawn = 0.0
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if done < total and now - self.last_drawn < self.every:
            return
        self.last_drawn = now
        self.stream.write("\r" + self.line(now))
        self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-6)
        rate = self.done / elapsed
        filled = int(self.width * self.done / self.total) if self.total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        left = (self.total - self.done) / rate if rate else 0
        return (
            f"{self.label} [{bar}] {self.done}/{self.total} rows, "
            f"{rate:,.0f} rows/s, {left:,.0f} s left "
        )

    def finish(self) -> float:
        """Draw the final line; return the rows per second."""
        now = time.monotonic()
        self.stream.write("\r" + self.line(now) + "\n")
        self.stream.flush()
        return self.done / max(now - self.started, 1e-6)
