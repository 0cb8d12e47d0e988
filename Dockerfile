# apigwlint in a container:
#   docker build -t apigwlint .
#   docker run --rm -v "$PWD:/work" apigwlint specs/
# The binary is static (CGO_ENABLED=0) and the image holds nothing else.
FROM golang:1.25 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The version comes from the build information (internal/buildinfo): the
# commit when .git is in the build context, else "unknown".
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/apigwlint ./cmd/apigwlint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/apigwlint /usr/local/bin/apigwlint
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/apigwlint"]
