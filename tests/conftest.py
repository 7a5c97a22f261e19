import sys
from pathlib import Path

# The fixture runner and helpers live beside the tests.
sys.path.insert(0, str(Path(__file__).parent))

import os

import pytest

# Most tests run the real command in a subprocess: hundreds of them. Where the environment
# forbids writing bytecode, each would compile artlint's modules again (0.2 s of its 0.3 s).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@pytest.fixture(scope="session", autouse=True)
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory):
    """artlint keeps some things in the user's cache folder (the network cache when there is no
    configuration, the Chinese dictionary table): the tests use their own, never the user's."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(autouse=True)
def _no_user_rules_left():
    """A test that loads a configuration with style packs registers their rules: the next test
    starts with artlint's own rules only."""
    yield
    from artlint.rules import forget_registered_rules

    forget_registered_rules()
