# HealthBSC in a container (docs/deployment.md). Two stages: the first installs everything and builds the web
# app (Vite is a dev dependency); the second is a production install (`npm ci --omit=dev`) with the built
# dist/web copied in, so nothing is built or downloaded when the server starts.
#
#   docker build -t healthbsc .
#   docker run -p 3000:3000 -e HEALTHBSC_DATABASE_URL=postgres://… -e HEALTHBSC_MODE=production healthbsc

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:web

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HEALTHBSC_HOST=0.0.0.0 \
    HEALTHBSC_PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# Node 24 runs the TypeScript sources as they are: the server is src/ and bin/; examples/ holds the demo.
COPY bin ./bin
COPY src ./src
COPY examples ./examples
COPY scripts ./scripts
COPY --from=build /app/dist/web ./dist/web
USER node
EXPOSE 3000
# The orchestrator's readiness: 200 once the value cubes are loaded (GET /api/health/ready, no session).
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "bin/healthbsc", "serve"]
