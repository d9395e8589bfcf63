import subprocess
import sys


def test_importing_every_core_module_does_not_import_qt():
    code = (
        "import pkgutil, sys, importlib, variorum.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'variorum.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
