"""The main window: assembly of menus, docks, layout, welcome view and status."""
