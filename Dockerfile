# syntax=docker/dockerfile:1
# Watchalong in a container:
#   docker build -t watchalong .
#   docker run -d --name watchalong -e DISCORD_TOKEN=your-token -v watchalong:/data watchalong
# The health port listens on every interface of the container (HEALTH_HOST=0.0.0.0) so that a published port works;
# publish it to a private address only, e.g. -p 127.0.0.1:8080:8080.
# The state database lives on the /data volume; everything else in the image is read-only code and data.

ARG NODE_IMAGE=node:24-bookworm-slim

# Compilers for better-sqlite3, used when no prebuilt binary matches the platform.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

# What the image ships: production dependencies only, with a check that the native module loads.
FROM toolchain AS production-dependencies
RUN npm ci --omit=dev --no-audit --no-fund \
 && node -e "new (require('better-sqlite3'))(':memory:').close()"

# Everything, to compile the TypeScript (type errors fail the build) and the knowledge pack.
FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY scripts ./scripts
COPY data/packs ./data/packs
RUN npm run build \
 && node dist/scripts/buildKnowledgeBase.js

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    DATABASE_PATH=/data/watchalong.sqlite \
    KNOWLEDGE_PACKS_DIR=/app/data/packs \
    KNOWLEDGE_BASE_DIR=/app/data/knowledge \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
# package.json says "type": "module", which node needs to run dist/ as ES modules.
COPY package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Owned by the bot's user so that a pack mounted into /app/data/packs/<id> is compiled at start.
COPY --from=build --chown=node:node /app/data ./data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
# No curl in the slim image: node's fetch asks the bot's own health endpoint (gateway ready, database answering).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HEALTH_PORT + '/healthz').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
# The bot handles SIGTERM itself: it stops taking interactions, finishes those in flight (up to 5 s) and closes the database.
CMD ["node", "dist/bot/main.js"]
