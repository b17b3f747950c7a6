"""Asking sites to remove images: requests, site directions, letters, legal options,
deadlines and a lawyer's package."""
