namespace Pcmd.Web.Features.ServiceDirectory.Pages;

/// <summary>Keys of the words (Resources/strings.tsv) for the directory's kinds, shared with the portal and referrals.</summary>
public static class ServiceLabels
{
    public static string Kind(SupportServiceKind k) => "Services.Kind." + k;
}
