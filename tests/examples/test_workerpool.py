"""examples/workerpool: a worker pool under a context deadline.

With 2 workers and job i taking i×100ms, jobs 1-3 end by 400ms; at the
500ms deadline jobs 4 and 5 are in progress (they would end at 600 and
900ms) and job 6 is not started: each margin is 100ms. The output is in
job order, however the workers interleaved.
"""

from __future__ import annotations

import pytest
from runner import run, same_output


@pytest.mark.parametrize("args, want", [
    ([], "job 1: done\njob 2: done\njob 3: done\n"
         "job 4: context deadline exceeded\njob 5: context deadline exceeded\n"
         "job 6: context deadline exceeded\n3 of 6 jobs done within 500ms\n"),
    (["-workers", "3", "-jobs", "9", "-step", "10ms", "-timeout", "5s"],
     "".join(f"job {i}: done\n" for i in range(1, 10)) + "9 of 9 jobs done within 5s\n"),
])
def test_workerpool(impl: str, args: list[str], want: str) -> None:
    p = run(impl, "workerpool", *args)
    assert (p.returncode, p.stderr) == (0, "")
    assert p.stdout == want
    same_output(f"workerpool {args}", impl, p.stdout)
