#!/usr/bin/env python
"""Django's command-line utility; the same as the `verbund` console command."""

from verbund.__main__ import main

if __name__ == "__main__":
    main()
