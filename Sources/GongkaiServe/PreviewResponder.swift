import Foundation
import Hummingbird

/// Serves the built site from its folder: GET and HEAD only, safe paths only, live reload
/// script injected into HTML, server-sent events for reloads.
struct PreviewResponder: Sendable {
    let root: URL
    let hub: ReloadHub

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "只支持 GET 和 HEAD 请求。", extra: [.allow: "GET, HEAD"])
        }
        if request.uri.path == LiveReloadScript.path { return await events(head: request.method == .head) }
        switch SitePath.resolve(request.uri.path, in: root) {
        case .file(let url): return file(url, head: request.method == .head)
        case .redirect(let location): return Response(status: .movedPermanently, headers: [.location: location])
        case .forbidden: return plain(.forbidden, "禁止访问：路径超出站点范围。")
        case .notFound: return notFound(head: request.method == .head)
        }
    }

    private func file(_ url: URL, head: Bool, status: HTTPResponse.Status = .ok) -> Response {
        guard var data = try? Data(contentsOf: url) else { return plain(.internalServerError, "无法读取文件。") }
        let type = ContentType.forPath(url.path)
        if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
            data = Data(LiveReloadScript.inject(into: html).utf8)
        }
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache"]
        headers[.contentLength] = String(data.count)
        if head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func notFound(head: Bool) -> Response {
        let page = root.appendingPathComponent("404.html")
        if FileManager.default.fileExists(atPath: page.path) { return file(page, head: head, status: .notFound) }
        return plain(.notFound, "404：页面不存在。")
    }

    private func plain(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }

    private func events(head: Bool) async -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        if head { return Response(status: .ok, headers: headers) }
        guard let stream = await hub.subscribe() else {
            return plain(.serviceUnavailable, "实时刷新连接已达上限（\(hub.limit) 个），请关闭一些预览页面。", extra: [.retryAfter: "10"])
        }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }
}
