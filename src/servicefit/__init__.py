"""servicefit: customer-service talent assessment."""

__version__ = "0.1.0"
