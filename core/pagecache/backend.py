"""Django's Redis cache with short timeouts and a circuit breaker: a failing cache costs a page
its speed, never the page (settings ``CACHES``)."""

import functools
import logging
import time

import redis
from django.conf import settings
from django.core.cache.backends import redis as django_redis

logger = logging.getLogger(__name__)


class CacheSkipped(redis.ConnectionError):
    """Raised at once, without a network round trip, while the cache is being skipped."""


# LOCATION -> time.monotonic() until which the cache is skipped, for every thread of this process.
_skip_until: dict[str, float] = {}


class RedisCache(django_redis.RedisCache):
    """Django's Redis cache, skipped for ``CACHE_RETRY_SECONDS`` after a failure, so that a hung
    or unreachable Redis costs one timeout (``OPTIONS``: socket timeouts of a fraction of a
    second), not one per cache call of every request. Callers handle the exception as they
    handle Redis being down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.location = server if isinstance(server, str) else ",".join(server)


def _guarded(name):
    method = getattr(django_redis.RedisCache, name)

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if time.monotonic() < _skip_until.get(self.location, 0):
            raise CacheSkipped(f"{self.location} failed recently")
        try:
            return method(self, *args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            _skip_until[self.location] = time.monotonic() + settings.CACHE_RETRY_SECONDS
            logger.warning("Cache %s failed (%s): skipped for %s s", self.location, error, settings.CACHE_RETRY_SECONDS)
            raise

    return guarded


for _name in ("add", "get", "set", "touch", "delete", "get_many", "has_key", "incr", "set_many", "delete_many"):
    setattr(RedisCache, _name, _guarded(_name))
