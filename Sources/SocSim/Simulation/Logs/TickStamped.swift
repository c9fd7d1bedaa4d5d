/// A value that belongs to one simulation tick, so retention can answer "since tick N".
package protocol TickStamped {
    var tick: Int64 { get }
}
