"""Reclaim: an offline, encrypted guide for people whose intimate images were shared
without consent."""

__version__ = "0.1.0"
