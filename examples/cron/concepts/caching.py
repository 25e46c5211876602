"""No built-in caching: the script skips a step itself when its output exists and a stamp file
beside it holds the sha256 of the input it was made from (`hashlib.file_digest`). The key is the
input's hash only: a change to the step's code does not invalidate it unless you add it to the key."""

import hashlib
from pathlib import Path

RAW = Path("raw.csv")
FEATURES = Path("features.csv")
STAMP = Path("features.csv.sha256")  # on disk, so it outlives the run: the next night's run sees it
computed = 0


def sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def make_features(raw: Path, out: Path) -> None:
    global computed
    computed += 1
    rows = raw.read_text().splitlines()
    out.write_text("".join(f"{row},{len(row)}\n" for row in rows))


def features_step() -> str:
    key = sha256(RAW)
    if FEATURES.exists() and STAMP.exists() and STAMP.read_text() == key:
        return f"skipped: input unchanged (sha256 {key[:12]}...)"
    make_features(RAW, FEATURES)
    STAMP.write_text(key)  # last: a run that dies mid-step leaves no stamp, so the next recomputes
    return f"computed (sha256 {key[:12]}...)"


if __name__ == "__main__":
    RAW.write_text("1,5\n2,8\n")
    print("night 1:", features_step())
    #> night 1: computed (sha256 5fb6c7410bfc...)
    print("night 2:", features_step())
    #> night 2: skipped: input unchanged (sha256 5fb6c7410bfc...)
    RAW.write_text("1,5\n2,8\n3,11\n")
    print("night 3, new input:", features_step())
    #> night 3, new input: computed (sha256 bc4dc9886160...)
    print(f"the step computed {computed} times in 3 runs")
    #> the step computed 2 times in 3 runs
