"""Frame Studio: put a campaign greeting frame on profile photos, locally."""

__version__ = "0.1.0"
