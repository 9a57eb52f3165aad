/// The script injected into served HTML (never written to the output folder): it listens to
/// the server's events, reloads the page after a good build and shows an overlay after a
/// failed one, while the last good site stays served.
enum LiveReloadScript {
    static let path = "/__gongkai/events"

    static let tag = """
    <script>(function(){
    var es=new EventSource("\(path)");
    es.addEventListener("reload",function(){location.reload();});
    es.addEventListener("failed",function(e){
    var o=document.getElementById("gongkai-build-error");
    if(!o){o=document.createElement("pre");o.id="gongkai-build-error";
    o.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50%;overflow:auto;margin:0;padding:1em;background:#fff0f0;color:#8b0000;border-top:3px solid #c00;font:14px/1.5 monospace;z-index:99999;white-space:pre-wrap";
    document.body.appendChild(o);}
    o.textContent="构建失败，仍显示上一次成功构建的站点：\\n"+e.data;});
    })();</script>
    """

    /// Inserts the tag before `</body>`, or at the end when there is none.
    static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }
}
