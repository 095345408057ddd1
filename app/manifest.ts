import type { MetadataRoute } from "next";

// Built once (no request data): the Hindi name, an English short name for the home-screen label.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "संगठन निर्देशिका",
    short_name: "Sangathan",
    description: "संगठन के पदाधिकारी और उनके संपर्क — Sangathan Directory",
    lang: "hi",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#b45309",
    background_color: "#fafaf9",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
