import pytest

from store_builders import build_result


@pytest.fixture
def make_result():
    return build_result
