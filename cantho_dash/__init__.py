"""Cần Thơ digital-transformation IOC dashboard: store, catalog, status logic and pages (Plan 224/KH-UBND)."""
