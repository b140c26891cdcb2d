# AEMS application image: one image, every role (ingest, api, ...) chosen by environment variables,
# plus the simulator CLI at /app/simulator.jar. Used by docker-compose.yml.
#
#   docker build -t aems:local .

# ---- build ---------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# The wrapper and the poms first: the layers below stay cached until a pom changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY aems-core/pom.xml aems-core/
COPY aems-ingest/pom.xml aems-ingest/
COPY aems-optimizer/pom.xml aems-optimizer/
COPY simulators/pom.xml simulators/
COPY aems-api/pom.xml aems-api/

# Fetch Maven itself and, best effort, the dependencies and plugins. If warming the cache fails
# (a plugin resolved only during the build, a network hiccup), the package step below downloads
# whatever is missing, so a failure here is only slower, never wrong.
RUN ./mvnw -B -q --version \
    && (./mvnw -B -q dependency:go-offline \
        || echo "dependency:go-offline failed; the package step downloads what is missing")

COPY . .
RUN ./mvnw -B -DskipTests package \
    && cp aems-api/target/aems-api.jar /src/aems-api.jar \
    && cp simulators/target/simulators-*-cli.jar /src/simulator.jar

# ---- runtime -------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A fixed uid/gid: docker-compose gives the registry import and Prometheus the group 10001, so they can read the
# API keys the app writes (mode 640) into the shared secrets volume; the admin password stays 600.
RUN groupadd --system --gid 10001 aems \
    && useradd --system --uid 10001 --gid aems --home-dir /app --no-create-home --shell /usr/sbin/nologin aems \
    && install -d -o aems -g aems -m 750 /run/aems-secrets
WORKDIR /app

COPY --from=build /src/aems-api.jar /app/aems-api.jar
COPY --from=build /src/simulator.jar /app/simulator.jar

USER aems
EXPOSE 8080

# No HEALTHCHECK here: the JRE image has no curl. docker-compose.yml probes
# /actuator/health/readiness with bash's /dev/tcp instead.
ENTRYPOINT ["java", "-jar", "/app/aems-api.jar"]
