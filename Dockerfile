# syntax=docker/dockerfile:1
# Tall as one container: the API (all modules by default, or MODULES=...) and the web client's static files.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN node tools/run/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
# A V8 heap cap keeps the process well under 300 MB RSS: without one, V8 grows the heap lazily
# under load (garbage, not a leak). Raise it with NODE_OPTIONS for very large deployments.
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 NODE_OPTIONS=--max-old-space-size=192
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/api/apps/api/src/main.js"]
