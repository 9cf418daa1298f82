# 园区通 ParkLink API.
#   docker build -t parklink-api .
#   docker run -p 3000:3000 -v parklink-data:/data parklink-api
# By default the data lives in embedded PGlite under the /data volume (one container per volume:
# the folder is locked to one process). Set DATABASE_URL=postgres://user:pass@host:5432/db to use
# PostgreSQL instead; then /data is unused and any number of containers can share the database.
# Content is imported automatically into an empty database. To re-import after changing
# cloud/content (rebuild the image first):
#   docker run --rm -v parklink-data:/data parklink-api node build/api/cloud/src/cli/content-import.js
# (with PGlite, stop the API container first; with DATABASE_URL, running containers pick it up within 10 s).

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY types ./types
COPY cloud ./cloud
RUN npm run build:api

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/build/api ./build/api
COPY cloud/migrations ./cloud/migrations
COPY cloud/content ./cloud/content
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# npm forwards SIGTERM to the API, which finishes in-flight requests and releases the data folder.
CMD ["npm", "run", "start:api"]
