.PHONY: run test build bench bench-quick
run:
	go run ./cmd/copydesk serve --demo
test:
	go test -timeout 60m ./...
build:
	go build -o copydesk ./cmd/copydesk
# The end-to-end benchmark (cmd/copydesk-bench): a fresh temp database, the real server on
# loopback, concurrent clients. BENCHFLAGS adds flags, e.g. BENCHFLAGS="-only 3 -cpuprofile cpu.out".
bench:
	go run ./cmd/copydesk-bench $(BENCHFLAGS)
bench-quick:
	go run ./cmd/copydesk-bench -quick $(BENCHFLAGS)
