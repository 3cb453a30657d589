import { describe, expect, test } from "vitest";
import { clientAddress } from "./client-ip";

describe("clientAddress", () => {
  test("without TRUST_PROXY the socket address is used and X-Forwarded-For is ignored", () => {
    expect(clientAddress("6.6.6.6", "10.0.0.2", 0)).toBe("10.0.0.2");
  });

  test("behind one proxy the rightmost hop is the client, not a spoofed leftmost one", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real peer 203.0.113.9.
    expect(clientAddress("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
  });

  test("behind two proxies the second entry from the right is the client", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.7", "10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress(["6.6.6.6, 203.0.113.9", "10.0.0.7"], "10.0.0.2", 2)).toBe("203.0.113.9");
  });

  test("fewer entries than trusted hops: the leftmost one; none: the socket", () => {
    expect(clientAddress("203.0.113.9", "10.0.0.2", 3)).toBe("203.0.113.9");
    expect(clientAddress(" , ", "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddress(undefined, undefined, 1)).toBe("unknown");
  });
});
