using QRCoder;

namespace Pcmd.Web.Features.Users.SignIn;

/// <summary>The otpauth:// address as a QR code for the authenticator app to scan; a data: URI (the CSP allows data: images),
/// so the key never travels in another request.</summary>
public static class TwoFactorQr
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
