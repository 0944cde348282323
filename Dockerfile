# ISMAP Hub server image: `docker build -t ismap-hub .` then see docs/deployment.md.
# Two stages: the build needs the dev dependencies (Vite for the web app, esbuild for the server bundle); the image
# keeps only the production ones.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
# No fonts: PDFs embed their own font, and the server renders nothing else. util-linux (flock, which locks the
# embedded data folder) is part of the base image.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    ISMAP_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The bundle reads migrations, content and the database worker next to their sources, so src/ ships too.
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/content ./content
COPY --from=build /app/dist ./dist
# bin/ismap.js runs the bundle only when it is newer than every source file.
RUN find dist -type f -exec touch {} + \
    && mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/ismap.js"]
CMD ["serve"]
