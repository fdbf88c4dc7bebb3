"""referral: a library's referral guidelines as code."""

__version__ = "0.1.0"
