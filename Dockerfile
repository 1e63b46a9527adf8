# Build stage: the Maven wrapper builds the executable jar (tests run in CI, not here).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY bpmn bpmn
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 indkoeb
USER indkoeb
WORKDIR /app
COPY --from=build /src/target/indkoebsscreening-*.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
