"""Allow `python -m referral_cli`."""

from referral_cli.cli import main

main()
