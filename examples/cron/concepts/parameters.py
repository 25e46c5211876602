"""Parameters: the script reads its run-time parameters with `argparse`, each with a default; the
crontab line passes nothing and gets the defaults, and a run with other values passes flags
(`python3 pipeline.py --rows 500`)."""

import argparse


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="The nightly training pipeline.")
    parser.add_argument("--rows", type=int, default=200, help="rows to extract")
    parser.add_argument("--test-every", type=int, default=5, help="every n-th row is for testing")
    return parser.parse_args(argv)  # None: read sys.argv, as a run started by cron does


def main(argv: list[str] | None = None) -> str:
    args = parse_args(argv)
    test_rows = args.rows // args.test_every
    return f"rows={args.rows} test_every={args.test_every} train_rows={args.rows - test_rows}"


if __name__ == "__main__":
    print(main([]))  # the crontab line: python3 pipeline.py
    #> rows=200 test_every=5 train_rows=160
    print(main(["--rows", "500"]))  # by hand: python3 pipeline.py --rows 500
    #> rows=500 test_every=5 train_rows=400
