# syntax=docker/dockerfile:1
# pledge-monitor as a daemon: small, non-root, data on a volume, pledges.yaml mounted read-only.

FROM python:3.12-slim-bookworm AS build
WORKDIR /src
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY monitor ./monitor
COPY jobs ./jobs
RUN pip wheel --wheel-dir /wheels '.[postgres]'

FROM python:3.12-slim-bookworm
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONUNBUFFERED=1 \
    PLEDGE_MONITOR_CONFIG=/config/pledges.yaml \
    PLEDGE_MONITOR_DATA_DIR=/data \
    PLEDGE_MONITOR_REPORTS_DIR=/data/reports \
    PLEDGE_MONITOR_HTTP_HOST=0.0.0.0 \
    PLEDGE_MONITOR_HTTP_PORT=8080
COPY --from=build /wheels /wheels
# every wheel built above, the PostgreSQL driver included; nothing fetched at this stage
RUN pip install --no-index --find-links=/wheels /wheels/*.whl \
    && rm -rf /wheels \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin monitor \
    && mkdir -p /data /config \
    && chown monitor /data
COPY --chown=root:root pledges.yaml /config/pledges.yaml
USER 10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
# exec form: the Python process is PID 1 and handles SIGTERM itself (graceful shutdown)
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=60s --timeout=10s --start-period=120s --retries=3 \
    CMD ["pledge-monitor", "health"]
ENTRYPOINT ["pledge-monitor"]
CMD ["run"]
