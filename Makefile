.PHONY: run test build
run:
	go run ./cmd/copydesk serve --demo
test:
	go test ./...
build:
	go build -o copydesk ./cmd/copydesk
