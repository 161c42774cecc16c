//! Reading an OpenAPI document: a generated ~200 KB OpenAPI 3.0 YAML description (150
//! paths, 3 operations each, 6 responses per operation with quoted and plain keys,
//! plain, quoted and block descriptions, `$ref`s to shared responses, request and
//! response schemas between them), read as `statusdoc lint` reads a page (parse, page
//! model, interpretation, suppressions). Target: under 20 ms.
//! Run with `cargo bench -p statusdoc-ingest --bench openapi`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_reference::Registry;

const RESPONSES: [(&str, &str); 8] = [
    ("'200'", "description: OK"),
    ("201", "description: \"Created\""),
    ("'204'", "description: 'No Content'"),
    ("'400'", "description: Invalid input"),
    ("'404'", "$ref: '#/components/responses/NotFound'"),
    ("\"409\"", "description: |\n            Conflict: the resource was changed\n            by another request.\n\n            Retry with the new version."),
    ("'429'", "description: >-\n            Too Many Requests\n            -- slow down"),
    ("'500'", "$ref: '#/components/responses/ServerError'"),
];

/// A deterministic document of about `size` bytes.
fn document(size: usize) -> String {
    let mut out = String::with_capacity(size + 4096);
    out.push_str("openapi: 3.0.3\ninfo:\n  title: Generated API\n  version: 1.0.0\npaths:\n");
    let mut k: u64 = 7;
    let mut path = 0;
    while out.len() < size {
        out.push_str(&format!("  /resources{path}/{{id}}/items:\n"));
        for method in ["get", "put", "delete"] {
            out.push_str(&format!(
                "    {method}:\n      operationId: {method}Resource{path}\n      summary: Operates on resource {path}\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n"
            ));
            // Six of the eight responses (no key twice), from a varying first one.
            k = k
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let first = (k >> 33) as usize;
            for n in 0..6 {
                let (code, body) = RESPONSES[(first + n) % RESPONSES.len()];
                out.push_str(&format!("        {code}:\n          {body}\n"));
                if body.starts_with("description: OK") {
                    out.push_str("          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Item'\n");
                }
            }
        }
        path += 1;
    }
    out.push_str("components:\n  responses:\n    NotFound:\n      description: Not Found\n    ServerError:\n      description: Internal Server Error\n  schemas:\n    Item:\n      type: object\n      properties:\n        id: {type: string}\n");
    out
}

fn bench(c: &mut Criterion) {
    let text = document(200 * 1024);
    let registry = Registry::bundled();
    let options = ReadOptions::new(registry);
    let entries = read_page("api.yaml", text.as_bytes(), &options)
        .unwrap()
        .entries
        .len();
    assert!(entries > 1000, "{entries} entries");
    eprintln!("document: {} bytes, {entries} entries", text.len());
    c.bench_function("openapi_200kb", |b| {
        b.iter(|| read_page("api.yaml", black_box(text.as_bytes()), &options).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
