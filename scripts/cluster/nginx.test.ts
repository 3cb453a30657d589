import { describe, expect, test } from "vitest";
import { nginxConf } from "./nginx";

describe("nginxConf", () => {
  const conf = nginxConf({
    dir: "/tmp/zi-cluster-x",
    listen: "127.0.0.1:3000",
    upstreams: ["127.0.0.1:3001", "127.0.0.1:3002", "127.0.0.1:3003"],
    maxBodyBytes: 31_719_424,
  });

  test("lists every replica in one upstream and keeps every file nginx writes in its folder", () => {
    expect(conf.match(/^\s+server 127\.0\.0\.1:300\d /gm)).toHaveLength(3);
    expect(conf).toContain("listen 127.0.0.1:3000;");
    for (const line of conf.split("\n").filter((l) => /(_path|^pid|log) /.test(l.trim())))
      expect(line, line).toContain("/tmp/zi-cluster-x/");
    expect(conf).toContain("daemon off;");
  });

  test("passes the client's host and address the way the app reads them behind one proxy", () => {
    expect(conf).toContain("proxy_set_header Host $http_host;");
    expect(conf).toContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    expect(conf).toContain("client_max_body_size 31719424;");
  });

  test("refuses an empty replica list", () => {
    expect(() => nginxConf({ dir: "/tmp/x", listen: "127.0.0.1:1", upstreams: [], maxBodyBytes: 1 })).toThrow();
  });
});
