import SocProtocol

/// The network laid out as the room draws it: the machines and the internet stacked on the
/// left, the router (where the firewall runs) in the middle, the web server on the right, each
/// in a box with its name and address, joined by links.
///
/// The layout is a pure function of the topology, the width and the glyphs, so that
/// `socctl topology` and the watch view draw the same picture and tests can pin it down. It
/// also keeps each link's path cell by cell, along which the watch view moves packets.
package struct NetworkDiagram: Sendable {
    /// The gaps between the columns never get narrower than this, so links stay visible...
    static let minimumGap = 4
    /// ...nor wider than this, so a wide terminal does not stretch the picture thin.
    static let maximumGap = 24
    /// Box contents are cut to fit a narrow terminal, but not below this.
    static let minimumContentWidth = 9

    package private(set) var boxes: [DiagramBox] = []
    /// Each host's link, cell by cell from just outside its box to just outside the router's.
    package private(set) var linkPaths: [String: [CanvasPoint]] = [:]
    /// The router's name, where every packet passes and dropped ones stop.
    package private(set) var router: String?
    /// The width and height the drawing takes.
    package private(set) var width = 0
    package private(set) var height = 0
    private var junctions: [CanvasPoint: Junction] = [:]

    /// Which directions lines leave a cell in, to pick the box-drawing character that joins them.
    private struct Junction: Hashable {
        var up = false
        var down = false
        var left = false
        var right = false
    }

    /// Lays `topology` out in at most `width` columns (when it can be made to fit), with its top
    /// left corner at `origin`.
    package init(topology: TopologyGetRequest.Result, width: Int, origin: CanvasPoint = CanvasPoint(row: 0, column: 0))
    {
        let routerHost = topology.hosts.first { $0.role == .router } ?? topology.hosts.first { $0.position == .middle }
        let left = topology.hosts.filter { $0.position == .left && $0 != routerHost }
        let right = topology.hosts.filter { $0.position == .right && $0 != routerHost }
        guard let routerHost else {
            // Without a router there is nothing to join: draw the hosts side by side.
            layOutSideBySide(topology.hosts, origin: origin)
            return
        }
        router = routerHost.name
        let leftLines = left.map(Self.contents)
        let routerLines = Self.contents(routerHost)
        let rightLines = right.map(Self.contents)
        func widest(_ groups: [[String]]) -> Int { groups.flatMap { $0 }.map(\.count).max() ?? 0 }
        var leftContent = widest(leftLines)
        var routerContent = widest([routerLines])
        var rightContent = widest(rightLines)
        let gapCount = (left.isEmpty ? 0 : 2) + (right.isEmpty ? 0 : 1)
        func total() -> Int {
            (left.isEmpty ? 0 : leftContent + 4) + routerContent + 4 + (right.isEmpty ? 0 : rightContent + 4)
                + gapCount * Self.minimumGap
        }
        // Too wide: narrow the widest column a character at a time; its text gets cut.
        while total() > width {
            let widestContent = max(leftContent, routerContent, rightContent)
            guard widestContent > Self.minimumContentWidth else { break }
            if leftContent == widestContent {
                leftContent -= 1
            } else if rightContent == widestContent {
                rightContent -= 1
            } else {
                routerContent -= 1
            }
        }
        let spare = max(0, width - total())
        let extraPerGap = gapCount == 0 ? 0 : min(spare / gapCount, Self.maximumGap - Self.minimumGap)
        let gap = Self.minimumGap + extraPerGap

        // Columns: left boxes, the left bus, the router, the right bus, right boxes.
        let leftBoxWidth = leftContent + 4
        let routerColumn = origin.column + (left.isEmpty ? 0 : leftBoxWidth + 2 * gap)
        let leftBus = origin.column + leftBoxWidth + gap
        let routerWidth = routerContent + 4
        let rightColumn = routerColumn + routerWidth + gap
        let rightBus = routerColumn + routerWidth + gap / 2

        // Rows, relative to the first left box: the router's link row (its name line) is level
        // with the middle machine's, or the middle of the stack, so the picture is balanced.
        var leftTops: [Int] = []
        var top = 0
        for lines in leftLines {
            leftTops.append(top)
            top += lines.count + 2
        }
        let routerLinkRow: Int
        if leftTops.count % 2 == 1 {
            routerLinkRow = leftTops[leftTops.count / 2] + 1
        } else {
            routerLinkRow = max(1, top / 2)
        }
        let rightHeight = rightLines.reduce(0) { $0 + $1.count + 2 }
        var rightTops: [Int] = []
        top = routerLinkRow - 1 - (rightHeight - (rightLines.first.map { $0.count + 2 } ?? 0)) / 2
        for lines in rightLines {
            rightTops.append(top)
            top += lines.count + 2
        }
        let shift = origin.row - min(0, routerLinkRow - 1, rightTops.min() ?? 0)
        for (index, host) in left.enumerated() {
            boxes.append(
                Self.box(
                    host.name, leftLines[index], at: CanvasPoint(row: shift + leftTops[index], column: origin.column),
                    content: leftContent))
        }
        let routerBox = Self.box(
            routerHost.name, routerLines, at: CanvasPoint(row: shift + routerLinkRow - 1, column: routerColumn),
            content: routerContent)
        boxes.append(routerBox)
        for (index, host) in right.enumerated() {
            boxes.append(
                Self.box(
                    host.name, rightLines[index], at: CanvasPoint(row: shift + rightTops[index], column: rightColumn),
                    content: rightContent))
        }

        for box in boxes where box.host != routerBox.host {
            let isLeft = box.origin.column < routerColumn
            if isLeft {
                linkPaths[box.host] = route(
                    from: CanvasPoint(row: box.linkRow, column: box.rightEdge + 1), bus: leftBus,
                    to: CanvasPoint(row: routerBox.linkRow, column: routerColumn - 1))
            } else {
                linkPaths[box.host] = route(
                    from: CanvasPoint(row: box.linkRow, column: box.origin.column - 1), bus: rightBus,
                    to: CanvasPoint(row: routerBox.linkRow, column: routerBox.rightEdge + 1))
            }
        }
        self.width = (boxes.map { $0.rightEdge + 1 }.max() ?? origin.column) - origin.column
        self.height = (boxes.map { $0.origin.row + $0.height }.max() ?? origin.row) - origin.row
    }

    private mutating func layOutSideBySide(_ hosts: [TopologyHost], origin: CanvasPoint) {
        var column = origin.column
        for host in hosts {
            let lines = Self.contents(host)
            let box = Self.box(
                host.name, lines, at: CanvasPoint(row: origin.row, column: column),
                content: lines.map(\.count).max() ?? 0)
            boxes.append(box)
            column = box.rightEdge + 1 + Self.minimumGap
        }
        width = max(0, column - Self.minimumGap - origin.column)
        height = boxes.map(\.height).max() ?? 0
    }

    /// What a host's box says: its name, its address, and what it does.
    static func contents(_ host: TopologyHost) -> [String] {
        var lines = [host.name]
        switch host.role {
        case .internet:
            lines.append("visitors, attackers")
        case .router:
            lines.append(host.address ?? "")
            lines.append((["firewall"] + host.services.map { $0.name.uppercased() }).joined(separator: " "))
        default:
            lines.append(host.address ?? "")
            if !host.services.isEmpty {
                lines.append(host.services.map { "\($0.name):\($0.port)" }.joined(separator: " "))
            }
        }
        return lines
    }

    private static func box(_ host: String, _ lines: [String], at origin: CanvasPoint, content: Int) -> DiagramBox {
        DiagramBox(host: host, origin: origin, width: content + 4, lines: lines)
    }

    /// The cells from `start` along its row to the `bus` column, along the bus to `end`'s row,
    /// then along that row to `end`; records where the lines join.
    private mutating func route(from start: CanvasPoint, bus: Int, to end: CanvasPoint) -> [CanvasPoint] {
        var path: [CanvasPoint] = []
        let stepColumn = bus >= start.column ? 1 : -1
        var point = start
        while point.column != bus {
            path.append(point)
            point.column += stepColumn
        }
        let stepRow = end.row >= start.row ? 1 : -1
        while point.row != end.row {
            path.append(point)
            point.row += stepRow
        }
        let towardEnd = end.column >= bus ? 1 : -1
        while point.column != end.column + towardEnd {
            path.append(point)
            point.column += towardEnd
        }
        for (index, cell) in path.enumerated() {
            var junction = junctions[cell] ?? Junction()
            for neighbour in [index > 0 ? path[index - 1] : nil, index + 1 < path.count ? path[index + 1] : nil] {
                guard let neighbour else { continue }
                if neighbour.row < cell.row { junction.up = true }
                if neighbour.row > cell.row { junction.down = true }
                if neighbour.column < cell.column { junction.left = true }
                if neighbour.column > cell.column { junction.right = true }
            }
            // The ends meet box edges: the line carries on into them.
            if index == 0 || index == path.count - 1 {
                let other = index == 0 ? (path.count > 1 ? path[1] : cell) : path[path.count - 2]
                if other.row == cell.row {
                    if other.column < cell.column { junction.right = true } else { junction.left = true }
                }
            }
            junctions[cell] = junction
        }
        return path
    }

    /// Draws the boxes and links into `canvas`; `borderColors` colours chosen boxes (the
    /// watch view shows the server's health this way) and `textStyle` the names.
    package func draw(
        into canvas: inout Canvas, glyphs: DrawingGlyphs, borderColors: [String: CanvasColor] = [:]
    ) {
        for (point, junction) in junctions {
            canvas.put(Self.character(for: junction, glyphs: glyphs), at: point, color: .dim)
        }
        for box in boxes {
            let color = borderColors[box.host] ?? .plain
            let inner = box.width - 2
            let edge = String(repeating: glyphs.horizontal, count: inner)
            canvas.write(
                String(glyphs.topLeft) + edge + String(glyphs.topRight), at: box.origin, color: color)
            canvas.write(
                String(glyphs.bottomLeft) + edge + String(glyphs.bottomRight),
                at: CanvasPoint(row: box.origin.row + box.height - 1, column: box.origin.column), color: color)
            for (index, line) in box.lines.enumerated() {
                let row = box.origin.row + 1 + index
                canvas.put(glyphs.vertical, at: CanvasPoint(row: row, column: box.origin.column), color: color)
                canvas.put(glyphs.vertical, at: CanvasPoint(row: row, column: box.rightEdge), color: color)
                let text = Self.fit(line, width: inner - 2, glyphs: glyphs)
                canvas.write(
                    text, at: CanvasPoint(row: row, column: box.origin.column + 2), color: index == 0 ? .bold : .plain)
            }
        }
        // Where a link meets a box, a tee shows that it is plugged in.
        for (host, path) in linkPaths {
            guard let first = path.first, let last = path.last else { continue }
            if let box = boxes.first(where: { $0.host == host }) {
                let onLeftOfBox = first.column < box.origin.column
                let edge = CanvasPoint(row: first.row, column: onLeftOfBox ? box.origin.column : box.rightEdge)
                canvas.put(
                    onLeftOfBox ? glyphs.teeLeft : glyphs.teeRight, at: edge, color: borderColors[host] ?? .plain)
            }
            if let routerBox = boxes.first(where: { $0.host == router }) {
                let onLeftOfRouter = last.column < routerBox.origin.column
                let edge = CanvasPoint(
                    row: last.row, column: onLeftOfRouter ? routerBox.origin.column : routerBox.rightEdge)
                canvas.put(
                    onLeftOfRouter ? glyphs.teeLeft : glyphs.teeRight, at: edge,
                    color: borderColors[routerBox.host] ?? .plain)
            }
        }
    }

    /// The diagram alone as lines, for `socctl topology`.
    package func lines(glyphs: DrawingGlyphs, style: Style) -> [String] {
        var canvas = Canvas(width: width, height: height)
        draw(into: &canvas, glyphs: glyphs)
        return canvas.lines(style: style)
    }

    /// The box of `host`, if the diagram has one.
    package func box(of host: String) -> DiagramBox? {
        boxes.first { $0.host == host }
    }

    /// The cells a packet passes from `source` to `destination` (host names), through the router.
    package func path(from source: String, to destination: String) -> [CanvasPoint] {
        let outbound = source == router ? [] : linkPaths[source] ?? []
        let inbound = destination == router ? [] : linkPaths[destination] ?? []
        return outbound + inbound.reversed()
    }

    private static func fit(_ text: String, width: Int, glyphs: DrawingGlyphs) -> String {
        guard text.count > width else { return text }
        guard width > 0 else { return "" }
        return String(text.prefix(max(0, width - glyphs.ellipsis.count))) + glyphs.ellipsis
    }

    private static func character(for junction: Junction, glyphs: DrawingGlyphs) -> Character {
        switch (junction.up, junction.down, junction.left, junction.right) {
        case (true, true, true, true): glyphs.cross
        case (true, true, true, false): glyphs.teeLeft
        case (true, true, false, true): glyphs.teeRight
        case (false, true, true, true): glyphs.teeDown
        case (true, false, true, true): glyphs.teeUp
        case (false, true, true, false): glyphs.topRight
        case (false, true, false, true): glyphs.topLeft
        case (true, false, true, false): glyphs.bottomRight
        case (true, false, false, true): glyphs.bottomLeft
        case (true, _, false, false), (_, true, false, false): glyphs.vertical
        default: glyphs.horizontal
        }
    }
}
