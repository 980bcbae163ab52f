"""``python -m ladle``: the command line."""

from ladle.cli import main

if __name__ == "__main__":
    main()
