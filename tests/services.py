"""The real services some tests need: CI always has them (.ci/run starts Redis)."""

import os

import pytest
import redis

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_available() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_available() and not os.environ.get("CI"),
    reason=f"no Redis at {REDIS_URL} (CI always runs this)",
)
