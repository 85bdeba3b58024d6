/// The version of ZhText, printed by `zhtext --version`.
public enum ZhTextVersion {
    public static let string = "0.1.0"
}
